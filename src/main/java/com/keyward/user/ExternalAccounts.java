package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.role.AdministrationBoundary;
import com.keyward.role.RoleAssignments;
import com.keyward.security.AccountChanged;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.Conflict;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.Refused;
import com.keyward.validation.Usernames;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts whose people live elsewhere, in the directory or at an SSO provider: made at their
 * first sign-in there, refreshed at every sign-in (and by the directory sync), disabled by the
 * sync when the directory no longer has them (a status only the directory lifts, apart from an
 * administrator's Disable). One username, one source.
 *
 * <p>An account is bound to its identity there: the provider's (issuer, subject), or the directory
 * entry's immutable id. A sign-in finds the account by that binding, never by the name alone; a
 * name asserted by another identity is refused, and the account's profile is only ever written
 * from its own identity. The username is a handle: when the directory has let a person go and
 * then has another entry under their name, the leaver's account releases the name (it becomes
 * {@code name~left-<id>}) and keeps its history and its revoked keys.
 */
@Service
public class ExternalAccounts {

    /** Issuer of directory identities: Keyward has one directory. */
    public static final String DIRECTORY_ISSUER = "directory";

    /** What a leaver's handle becomes: {@code lena~left-17}. */
    static final String LEFT_MARK = "~left-";

    private static final int MAX_USERNAME = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ExternalAccounts.class);

    private final UserRepository users;
    private final RoleAssignments membership;
    private final AdministrationBoundary boundary;
    private final PasswordLinks links;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExternalAccounts(
            UserRepository users,
            RoleAssignments membership,
            AdministrationBoundary boundary,
            PasswordLinks links,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.membership = membership;
        this.boundary = boundary;
        this.links = links;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** What an external sign-in (or the sync) came to. */
    public sealed interface Presence permits Admitted, Rejected {}

    /** The identity's account, made or refreshed: sign in as {@code username} (its handle). */
    public record Admitted(long userId, String username) implements Presence {}

    /** The asserted name belongs to an account that is not this identity's: nothing was changed. */
    public record Rejected(Why why) implements Presence {}

    /** Why an asserted name was refused. */
    public enum Why {
        /** The name is a local account's, or one of another source. */
        OTHER_SOURCE,
        /** The name's account is bound to another identity. */
        OTHER_IDENTITY
    }

    /** Where the account of this username comes from, if there is one. */
    @Transactional(readOnly = true)
    public Optional<AccountSource> sourceOf(String username) {
        return users.findAccount(username).map(UserRepository.UserAccountRecord::source);
    }

    /**
     * The directory or SSO provider says this person exists and is enabled: the account bound to
     * their identity is refreshed (profile, mapped roles; a directory disable lifted), or one is
     * made. An account made before bindings existed (V20) is bound here, once, to the identity
     * that asserts its name.
     */
    @RetriedOnConflict
    @Transactional
    public Presence present(AccountSource source, ExternalPerson person) {
        Instant now = clock.instant();
        Optional<UserRepository.UserAccountRecord> bound =
                users.findBoundForUpdate(person.issuer(), person.externalId());
        if (bound.isPresent()) {
            return refresh(source, bound.get(), person, now);
        }
        Optional<UserRepository.UserAccountRecord> named = users.findAccountForUpdate(person.username());
        if (named.isEmpty()) {
            return create(source, person, now);
        }
        UserRepository.UserAccountRecord account = named.get();
        if (account.source() != source) {
            return refuse(source, account, person, Why.OTHER_SOURCE);
        }
        if (account.externalId() == null) {
            users.bind(account.id(), source, person.issuer(), person.externalId());
            events.publishEvent(new AccountActivity(
                    AccountActivity.Kind.EDITED,
                    account.id(),
                    account.username(),
                    "Bound to " + describe(source, person) + " (made before accounts were bound; bound by its name)"));
            return refresh(source, account, person, now);
        }
        if (source == AccountSource.DIRECTORY && account.status() == UserStatus.DIRECTORY_DISABLED) {
            // the directory let this person go and has another entry under the name now
            release(account);
            return create(source, person, now);
        }
        return refuse(source, account, person, Why.OTHER_IDENTITY);
    }

    /** The directory no longer has the person of this account (gone, disabled, or outside the filter). */
    @RetriedOnConflict
    @Transactional
    public void absent(long userId) {
        users.findAccountForUpdate(userId)
                .filter(account -> account.source() == AccountSource.DIRECTORY)
                .ifPresent(account -> {
                    users.markSynced(account.id(), clock.instant());
                    if (account.status() == UserStatus.ENABLED || account.status() == UserStatus.LOCKED) {
                        membership.lockAdminRole();
                        if (account.status() == UserStatus.ENABLED && membership.isLastEnabledAdmin(account.id())) {
                            // the directory cannot lock everyone out: the last enabled Admin stays, and says so
                            LOG.warn(
                                    "{} is no longer in the directory but is the last enabled Admin: kept enabled;"
                                            + " give another account the Admin role, then sync again",
                                    account.username());
                            return;
                        }
                        changeStatus(account, UserStatus.DIRECTORY_DISABLED);
                    }
                    // every run: keys of a leaver from before keys were revoked at leaving go too
                    events.publishEvent(new AccountLeft(account.id(), account.username()));
                });
    }

    /** A directory account, as the sync pages through them; {@code externalId} is its entry's, if bound. */
    public record Ref(long id, String username, @Nullable String externalId) {}

    /** A page of directory accounts, by id after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<Ref> page(long afterId, int limit) {
        return users.findExternalAccounts(afterId, limit);
    }

    /** The directory account of this username. */
    @Transactional(readOnly = true)
    public Optional<Ref> directoryAccount(String username) {
        return users.findAccount(username)
                .filter(account -> account.source() == AccountSource.DIRECTORY)
                .map(account -> new Ref(account.id(), account.username(), account.externalId()));
    }

    /**
     * An administrator (Manage Users) binds an existing local account to an identity in the
     * directory or at the SSO provider: from then on the person signs in there, and their Keyward
     * password and set-password links stop working. Their history, roles and keys stay.
     */
    @RetriedOnConflict
    @Transactional
    public void link(long userId, AccountSource source, String issuer, String externalId) {
        if (source == AccountSource.LOCAL || issuer.isBlank() || externalId.isBlank()) {
            throw new Refused("link.identity.empty");
        }
        SignedInUser actor = currentUser.requireAuthority(
                Authorities.MANAGE_USERS, "Linking accounts needs the Manage Users authority");
        if (actor.id() == userId) {
            throw new Refused("admin.self");
        }
        UserRepository.UserAccountRecord account =
                users.findAccountForUpdate(userId).orElseThrow(() -> new NotFoundException("users.noid", userId));
        boundary.require(actor, account.id(), account.username(), "link to an outside identity");
        if (account.source() != AccountSource.LOCAL) {
            throw new Conflict("link.notlocal", account.username());
        }
        Optional<UserRepository.UserAccountRecord> holder = users.findBoundForUpdate(issuer, externalId);
        if (holder.isPresent()) {
            throw new Conflict("link.taken", holder.get().username());
        }
        users.bind(userId, source, issuer, externalId);
        users.replacePassword(userId, null, clock.instant());
        links.voidAll(userId);
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.EDITED,
                userId,
                account.username(),
                "Linked to " + (source == AccountSource.SSO ? "SSO" : "directory") + " identity (" + safe(issuer) + ", "
                        + safe(externalId) + "); the Keyward password and set-password links no longer work"));
        events.publishEvent(new AccountChanged(account.username()));
    }

    private Presence create(AccountSource source, ExternalPerson person, Instant now) {
        long id = users.insertExternal(source, person, now);
        events.publishEvent(new AccountActivity(
                source == AccountSource.SSO ? AccountActivity.Kind.SSO_CREATED : AccountActivity.Kind.DIRECTORY_CREATED,
                id,
                person.username(),
                (source == AccountSource.SSO ? "SSO" : "Directory") + " account \"" + person.displayName() + "\" <"
                        + person.email() + ">, first sign-in, bound to " + describe(source, person)));
        membership.setMappedRoles(id, person.username(), person.roleNames());
        return new Admitted(id, person.username());
    }

    private Presence refresh(
            AccountSource source, UserRepository.UserAccountRecord account, ExternalPerson person, Instant now) {
        if (account.source() != source) {
            return refuse(source, account, person, Why.OTHER_SOURCE);
        }
        long id = account.id();
        String handle = followName(account, person.username());
        users.refreshFromDirectory(
                id, person.displayName(), person.email(), source == AccountSource.DIRECTORY ? now : null);
        if (account.status() == UserStatus.DIRECTORY_DISABLED) {
            // the same entry is back: the account is, its revoked keys are not
            changeStatus(account, UserStatus.ENABLED);
        } else if (!account.displayName().equals(person.displayName())
                || !account.email().equals(person.email())) {
            events.publishEvent(new AccountChanged(account.username()));
        }
        membership.setMappedRoles(id, handle, person.roleNames());
        return new Admitted(id, handle);
    }

    /**
     * The handle follows the name the identity asserts when that changed (a renamed directory
     * entry), where no other account holds it; otherwise the account keeps its handle.
     */
    private String followName(UserRepository.UserAccountRecord account, String asserted) {
        if (Usernames.key(account.username()).equals(Usernames.key(asserted))
                || users.findAccount(asserted).isPresent()) {
            return account.username();
        }
        users.rename(account.id(), asserted);
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.EDITED,
                account.id(),
                asserted,
                "Username \"" + account.username() + "\" is now \"" + safe(asserted) + "\", as its identity has it"));
        events.publishEvent(new AccountChanged(account.username()));
        return asserted;
    }

    /** A leaver's account lets go of its name: it keeps history and revoked keys under a handle of its own. */
    private void release(UserRepository.UserAccountRecord account) {
        String mark = LEFT_MARK + account.id();
        String handle =
                account.username().substring(0, Math.min(account.username().length(), MAX_USERNAME - mark.length()))
                        + mark;
        users.rename(account.id(), handle);
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.EDITED,
                account.id(),
                handle,
                "Username \"" + account.username() + "\" released: the directory has a new entry under it, which"
                        + " gets an account of its own; this one keeps its history and its revoked keys"));
        events.publishEvent(new AccountLeft(account.id(), handle));
    }

    private Presence refuse(
            AccountSource source, UserRepository.UserAccountRecord account, ExternalPerson person, Why why) {
        events.publishEvent(new ExternalIdentityRefused(
                source,
                person.issuer(),
                person.externalId(),
                person.username(),
                account.id(),
                account.username(),
                why));
        return new Rejected(why);
    }

    private static String describe(AccountSource source, ExternalPerson person) {
        return source == AccountSource.SSO
                ? "issuer " + safe(person.issuer()) + ", subject " + safe(person.externalId())
                : "directory entry " + safe(person.externalId());
    }

    /** What an outside party sent, without control or format characters (bidi overrides and the like). */
    static String safe(String outside) {
        return outside.replaceAll("\\p{C}", "?");
    }

    private void changeStatus(UserRepository.UserAccountRecord account, UserStatus to) {
        users.setStatus(account.id(), to);
        events.publishEvent(
                new AccountStatusChanged(account.id(), account.username(), account.status(), to, false, null, 0));
        events.publishEvent(new AccountChanged(account.username()));
    }
}
