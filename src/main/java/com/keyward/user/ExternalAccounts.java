package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.role.RoleAssignments;
import com.keyward.security.AccountChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts whose people live elsewhere, in the directory or at an SSO provider: made at their
 * first sign-in there, refreshed at every sign-in (and by the directory sync), disabled by the
 * sync when the directory no longer has them (a status only the directory lifts, apart from an
 * administrator's Disable). One username, one source.
 */
@Service
public class ExternalAccounts {

    private final UserRepository users;
    private final RoleAssignments membership;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExternalAccounts(UserRepository users, RoleAssignments membership, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.membership = membership;
        this.events = events;
        this.clock = clock;
    }

    /** Where the account of this username comes from, if there is one. */
    @Transactional(readOnly = true)
    public Optional<AccountSource> sourceOf(String username) {
        return users.findAccount(username).map(UserRepository.UserAccountRecord::source);
    }

    /**
     * The directory or SSO provider says this person exists and is enabled: their account is made
     * or refreshed (profile, mapped roles; a directory disable lifted).
     *
     * @throws AccountSourceClash when the username belongs to an account of another source
     */
    @RetriedOnConflict
    @Transactional
    public void present(AccountSource source, ExternalPerson person) {
        Instant now = clock.instant();
        Optional<UserRepository.UserAccountRecord> existing = users.findAccountForUpdate(person.username());
        long id;
        if (existing.isEmpty()) {
            id = users.insertExternal(source, person.username(), person.displayName(), person.email(), now);
            events.publishEvent(new AccountActivity(
                    source == AccountSource.SSO
                            ? AccountActivity.Kind.SSO_CREATED
                            : AccountActivity.Kind.DIRECTORY_CREATED,
                    id,
                    person.username(),
                    (source == AccountSource.SSO ? "SSO" : "Directory") + " account \"" + person.displayName() + "\" <"
                            + person.email() + ">, first sign-in"));
        } else {
            UserRepository.UserAccountRecord account = existing.get();
            if (account.source() != source) {
                throw new AccountSourceClash(person.username(), account.source());
            }
            id = account.id();
            users.refreshFromDirectory(
                    id, person.displayName(), person.email(), source == AccountSource.DIRECTORY ? now : null);
            if (account.status() == UserStatus.DIRECTORY_DISABLED) {
                changeStatus(account, UserStatus.ENABLED);
            } else if (!account.displayName().equals(person.displayName())
                    || !account.email().equals(person.email())) {
                events.publishEvent(new AccountChanged(account.username()));
            }
        }
        membership.setMappedRoles(id, person.username(), person.roleNames());
    }

    /** The directory no longer has this person (gone, disabled, or outside the filter). */
    @RetriedOnConflict
    @Transactional
    public void absent(String username) {
        users.findAccountForUpdate(username)
                .filter(account -> account.source() == AccountSource.DIRECTORY)
                .ifPresent(account -> {
                    users.markSynced(account.id(), clock.instant());
                    if (account.status() == UserStatus.ENABLED || account.status() == UserStatus.LOCKED) {
                        changeStatus(account, UserStatus.DIRECTORY_DISABLED);
                    }
                });
    }

    /** A directory account, as the sync pages through them. */
    public record Ref(long id, String username) {}

    /** A page of directory accounts, by id after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<Ref> page(long afterId, int limit) {
        return users.findExternalAccounts(afterId, limit);
    }

    private void changeStatus(UserRepository.UserAccountRecord account, UserStatus to) {
        users.setStatus(account.id(), to);
        events.publishEvent(
                new AccountStatusChanged(account.id(), account.username(), account.status(), to, false, null, 0));
        events.publishEvent(new AccountChanged(account.username()));
    }
}
