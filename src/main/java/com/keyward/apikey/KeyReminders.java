package com.keyward.apikey;

import com.keyward.db.RetriedOnConflict;
import com.keyward.db.RetriedTransactions;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.user.Contacts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders about keys expiring in 30, 7 and 1 days, or expired: made by a job that runs on one
 * node at a time (ShedLock), shown in the console's bell, and mailed (when mail is configured) at
 * most once a day per owner, listing the keys.
 */
@Service
public class KeyReminders {

    private final KeyReminderRepository reminders;
    private final KeyReminderMail mail;
    private final Contacts contacts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final RetriedTransactions transaction;

    KeyReminders(
            KeyReminderRepository reminders,
            KeyReminderMail mail,
            Contacts contacts,
            CurrentUser currentUser,
            Clock clock,
            RetriedTransactions transaction) {
        this.reminders = reminders;
        this.mail = mail;
        this.contacts = contacts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.transaction = transaction;
    }

    @Scheduled(
            fixedDelayString = "${keyward.reminders.interval:PT15M}",
            initialDelayString = "${keyward.reminders.initial-delay:PT1M}")
    @SchedulerLock(name = "key-reminders", lockAtMostFor = "PT10M")
    public void run() {
        run(mail);
    }

    /** Makes the due reminders, then mails each owner who has unmailed ones and no mail today. */
    void run(KeyReminderMail with) {
        Instant now = clock.instant();
        addDue(now);
        if (!with.enabled()) {
            return;
        }
        Instant startOfDay =
                LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (long owner : reminders.ownersToMail(startOfDay)) {
            // per owner: the rows stay locked while the mail goes out, so that a second runner
            // (were the job lock ever lost) waits and then finds them mailed
            transaction.executeWithoutResult(status -> contacts.of(owner).ifPresent(contact -> {
                List<KeyReminder> due = reminders.unmailedLocked(owner);
                if (!due.isEmpty() && with.send(contact, due)) {
                    reminders.markMailed(due.stream().map(KeyReminder::id).toList(), now);
                }
            }));
        }
    }

    /**
     * Two runners at once (the job lock lost, or a second node's manual run) can deadlock on the
     * reminder rows' unique index: the loser tries again, and INSERT IGNORE makes that harmless.
     */
    private void addDue(Instant now) {
        transaction.executeWithoutResult(status -> reminders.addDue(now));
    }

    /** The signed-in person's reminders, unread first. */
    @Transactional(readOnly = true)
    public List<KeyReminder> mine() {
        return reminders.ofOwner(currentUser.require().id(), 20);
    }

    @Transactional(readOnly = true)
    public int unread() {
        return currentUser.get().map(me -> reminders.unread(me.id())).orElse(0);
    }

    @RetriedOnConflict
    @Transactional
    public void markAllRead() {
        SignedInUser me = currentUser.require();
        reminders.markRead(me.id(), clock.instant());
    }
}
