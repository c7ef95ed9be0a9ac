package com.keyward.directory;

import com.keyward.db.RetriedTransactions;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.user.AccountSource;
import com.keyward.user.DirectorySyncs;
import com.keyward.user.ExternalAccounts;
import com.keyward.user.ExternalPerson;
import com.keyward.validation.Refused;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Asks the directory about every directory account, every {@code keyward.ldap.sync-interval}
 * (15 minutes), on one instance at a time (ShedLock): people it no longer has are disabled (their
 * sessions end, their keys stop within the 5 s key cache), the others refreshed. An unreachable
 * directory disables nobody: the run stops, is logged and counted, and the next one tries again.
 */
public class DirectorySync implements DirectorySyncs {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
    private static final int PAGE = 500;

    private final Directory directory;
    private final ExternalAccounts accounts;
    private final CurrentUser currentUser;
    private final Counter runs;
    private final Counter failures;
    private final RetriedTransactions transaction;

    DirectorySync(
            Directory directory,
            ExternalAccounts accounts,
            CurrentUser currentUser,
            MeterRegistry meters,
            RetriedTransactions transaction) {
        this.directory = directory;
        this.transaction = transaction;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.runs = Counter.builder("keyward.directory.sync.runs")
                .description("Directory syncs run")
                .register(meters);
        this.failures = Counter.builder("keyward.directory.sync.failures")
                .description("Directory syncs stopped because the directory could not be reached")
                .register(meters);
    }

    @Scheduled(
            fixedDelayString = "${keyward.ldap.sync-interval:PT15M}",
            initialDelayString = "${keyward.ldap.sync-interval:PT15M}")
    @SchedulerLock(name = "directory-sync", lockAtMostFor = "PT1H", lockAtLeastFor = "PT10S")
    public void scheduled() {
        try {
            Result result = syncAll();
            log.info(
                    "Directory sync: {} accounts checked, {} no longer in the directory",
                    result.checked(),
                    result.absent());
        } catch (DirectoryUnavailable unreachable) {
            // logged and counted in syncAll
        }
    }

    /** Sync now, one person (User Account Details; Manage Users). */
    @Override
    public boolean syncNow(String username) {
        requireManageUsers();
        return accounts.directoryAccount(username).map(this::syncOne).orElse(false);
    }

    /**
     * Links a local account to the directory entry of this directory username (User Account
     * Details; Manage Users): from then on the person signs in with the directory.
     */
    @Override
    public void linkToDirectory(long userId, String directoryUsername) {
        requireManageUsers();
        ExternalPerson person = directory
                .find(directoryUsername.strip())
                .orElseThrow(() -> new Refused("link.directory.nosuch", directoryUsername.strip()));
        accounts.link(userId, AccountSource.DIRECTORY, person.issuer(), person.externalId());
    }

    /** Sync all now (Admin › Users; Manage Users). */
    @Override
    public Result syncAllNow() {
        requireManageUsers();
        return syncAll();
    }

    Result syncAll() {
        runs.increment();
        int checked = 0;
        int absent = 0;
        long after = 0;
        try {
            for (List<ExternalAccounts.Ref> page = accounts.page(after, PAGE);
                    !page.isEmpty();
                    page = accounts.page(after, PAGE)) {
                // one transaction a page: a commit per person would cost more than the person
                List<ExternalAccounts.Ref> current = page;
                Integer pageAbsent = transaction.execute(status -> {
                    int gone = 0;
                    for (ExternalAccounts.Ref account : current) {
                        if (!syncOne(account)) {
                            gone++;
                        }
                    }
                    return gone;
                });
                checked += page.size();
                absent += pageAbsent == null ? 0 : pageAbsent;
                after = page.getLast().id();
            }
        } catch (DirectoryUnavailable unreachable) {
            failures.increment();
            log.warn(
                    "Directory sync stopped after {} accounts, nobody disabled for it: {}",
                    checked,
                    unreachable.getMessage());
            throw unreachable;
        }
        return new Result(checked, absent);
    }

    /**
     * Asks about one person, by the entry their account is bound to (by name only for an account
     * made before bindings, which the answer binds); returns whether the directory still has them.
     * A new entry under a bound account's name is not that person.
     */
    private boolean syncOne(ExternalAccounts.Ref account) {
        String entry = account.externalId();
        Optional<ExternalPerson> person =
                entry == null ? directory.find(account.username()) : directory.findById(entry);
        if (person.isEmpty()) {
            accounts.absent(account.id());
            return false;
        }
        if (accounts.present(AccountSource.DIRECTORY, person.get()) instanceof ExternalAccounts.Rejected refused) {
            log.warn("Directory sync: the entry of {} was refused ({})", account.username(), refused.why());
        }
        return true;
    }

    private void requireManageUsers() {
        currentUser.requireAuthority(
                Authorities.MANAGE_USERS, "Syncing with the directory needs the Manage Users authority");
    }
}
