package com.keyward.apikey;

import com.keyward.apiset.ApiSetCatalog;
import com.keyward.db.RetriedOnConflict;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.user.Contacts;
import com.keyward.validation.Names;
import com.keyward.validation.Refused;
import com.keyward.validation.ValidationException;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Four-eyes keys: people holding Approve API Keys see the keys that wait for an approver and
 * approve or deny each, with a reason for a denial. Nobody decides on their own key, and each
 * request is decided once, however many approvers try at the same moment.
 */
@Service
public class KeyApprovals {

    private static final String APPROVER_NEEDED = "Approving API keys needs the Approve API Keys authority";

    private final KeyApprovalRepository approvals;
    private final ApiKeyRepository keys;
    private final ApiSetCatalog apiSets;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final KeyReminderRepository reminders;
    private final KeyReminderMail mail;
    private final Contacts contacts;

    KeyApprovals(
            KeyApprovalRepository approvals,
            ApiKeyRepository keys,
            ApiSetCatalog apiSets,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events,
            KeyReminderRepository reminders,
            KeyReminderMail mail,
            Contacts contacts) {
        this.approvals = approvals;
        this.keys = keys;
        this.reminders = reminders;
        this.mail = mail;
        this.contacts = contacts;
        this.apiSets = apiSets;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** A key waiting for an approver, as the approvers' list shows it. */
    public record Pending(
            long keyId,
            String ownerUsername,
            String ownerDisplayName,
            String keyName,
            @Nullable String keyDescription,
            List<String> setNames,
            String justification,
            Instant requestedAt,
            boolean own) {}

    public boolean mayApprove() {
        return currentUser.hasAuthority(Authorities.APPROVE_API_KEYS);
    }

    /** Every key waiting for an approver, oldest request first (the approver's own are marked). */
    @Transactional(readOnly = true)
    public List<Pending> pending() {
        SignedInUser me = currentUser.requireAuthority(Authorities.APPROVE_API_KEYS, APPROVER_NEEDED);
        return approvals.open(clock.instant()).stream()
                .map(open -> new Pending(
                        open.keyId(),
                        open.ownerUsername(),
                        open.ownerDisplayName(),
                        open.keyName(),
                        open.keyDescription(),
                        open.pendingSetCodes().stream().map(apiSets::nameOf).toList(),
                        open.justification(),
                        open.requestedAt(),
                        open.ownerId() == me.id()))
                .toList();
    }

    /** How many keys wait for an approver; 0 for someone who cannot approve. */
    @Transactional(readOnly = true)
    public int pendingCount() {
        return mayApprove() ? approvals.countOpen(clock.instant()) : 0;
    }

    /** The key's pending sets work from now on (within the nodes' 5 s credential cache elsewhere). */
    @RetriedOnConflict
    @Transactional
    public void approve(long keyId) {
        decide(keyId, true, null);
    }

    /** The key's pending sets are taken off it; it keeps the others, and is revoked when none is left. */
    @RetriedOnConflict
    @Transactional
    public void deny(long keyId, @Nullable String reason) {
        String why = Names.description(reason);
        if (why == null) {
            throw ValidationException.of(ApprovalField.REASON, "approvals.reason.empty");
        }
        Names.descriptionProblem(why).ifPresent(problem -> {
            throw ValidationException.of(ApprovalField.REASON, problem);
        });
        decide(keyId, false, why);
    }

    private void decide(long keyId, boolean approve, @Nullable String reason) {
        SignedInUser me = currentUser.requireAuthority(Authorities.APPROVE_API_KEYS, APPROVER_NEEDED);
        KeyApprovalRepository.Open open = approvals
                .findOpen(keyId)
                .orElseThrow(() -> ValidationException.of(ApprovalField.FORM, "approvals.decided"));
        if (open.ownerId() == me.id()) {
            throw new Refused("approvals.own");
        }
        Instant now = clock.instant();
        // writes the request's row: of two approvers at once, one decides, the other is told
        if (!approvals.decide(
                keyId, approve ? KeyApprovalRepository.APPROVED : KeyApprovalRepository.DENIED, me.id(), now, reason)) {
            throw ValidationException.of(ApprovalField.FORM, "approvals.decided");
        }
        List<String> setNames =
                open.pendingSetCodes().stream().map(apiSets::nameOf).toList();
        // the owner's bell says so (with the reason of a denial); a mail follows the commit
        reminders.add(open.ownerId(), keyId, approve ? KeyReminder.Kind.APPROVED : KeyReminder.Kind.DENIED, now);
        if (approve) {
            approvals.activatePending(keyId);
        } else if (approvals.removePending(keyId) == 0 && keys.revoke(keyId, me.id(), now)) {
            events.publishEvent(
                    new ApiKeyRevoked(keyId, open.ownerId(), open.ownerUsername(), open.keyName(), open.hint()));
        }
        events.publishEvent(new ApiKeyApprovalDecided(
                keyId,
                open.ownerId(),
                open.ownerUsername(),
                open.keyName(),
                open.hint(),
                setNames,
                approve,
                reason,
                me.id(),
                me.getUsername()));
    }

    /** After commit: the owner hears of the decision by mail at once (the bell has it already). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void mailOwner(ApiKeyApprovalDecided decided) {
        mailOwner(decided, mail);
    }

    void mailOwner(ApiKeyApprovalDecided decided, KeyReminderMail with) {
        if (with.enabled()) {
            contacts.of(decided.ownerId()).ifPresent(contact -> with.sendDecided(contact, decided));
        }
    }
}
