package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.role.AdministrationBoundary;
import com.keyward.role.RoleAssignments;
import com.keyward.security.AccountChanged;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.Conflict;
import com.keyward.validation.Explained;
import com.keyward.validation.Message;
import com.keyward.validation.Names;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.Refused;
import com.keyward.validation.ValidationException;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts and changing them: roles, profile, status, deactivation and password resets
 * (Manage Users). Nobody changes their own account here, nor an account holding an authority they
 * do not hold ({@link AdministrationBoundary}); the role module's rules (no hand-outs or removals
 * beyond one's own authorities, the last enabled Admin) apply to every change.
 */
@Service
public class UserAdministration {

    private static final String MANAGE_USERS_NEEDED = "Changing accounts needs the Manage Users authority";

    private final UserRepository users;
    private final RoleAssignments membership;
    private final AdministrationBoundary boundary;
    private final PasswordLinks links;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserAdministration(
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

    public boolean mayManageUsers() {
        return currentUser.hasAuthority(Authorities.MANAGE_USERS);
    }

    /**
     * Creates a local account with these roles and no password: its person sets one through the
     * link returned, shown once to the administrator.
     *
     * @throws ValidationException per field, with nothing saved
     */
    @RetriedOnConflict
    @Transactional
    public SetPasswordLink create(AccountForm form) {
        SignedInUser actor = currentUser.requireAuthority(Authorities.MANAGE_USERS, MANAGE_USERS_NEEDED);
        AccountForm account = validNew(form);
        long id = insertNew(account);
        events.publishEvent(
                new AccountActivity(AccountActivity.Kind.CREATED, id, account.username(), describe(account)));
        return links.issue(id, account.username(), account.email(), actor.id());
    }

    /** Checks a new account, kept as it will be stored (trimmed), or throws with every problem. */
    AccountForm validNew(AccountForm form) {
        AccountForm account = new AccountForm(
                form.username().strip(),
                Names.name(form.displayName()),
                form.email().strip(),
                Set.copyOf(form.roleIds()),
                form.accountExpiresAt());
        Map<AccountField, Message> problems = new EnumMap<>(AccountField.class);
        AccountRules.usernameProblem(account.username())
                .ifPresent(problem -> problems.put(AccountField.USERNAME, problem));
        if (!problems.containsKey(AccountField.USERNAME)
                && !users.existingUsernames(List.of(account.username())).isEmpty()) {
            problems.put(AccountField.USERNAME, Message.of("account.username.taken"));
        }
        problems.putAll(AccountRules.profileProblems(
                account.displayName(), account.email(), account.accountExpiresAt(), clock.instant()));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return account;
    }

    /** Inserts a checked account with its roles (the role module's rules apply to each). */
    long insertNew(AccountForm account) {
        long id = users.insert(
                new NewUser(
                        account.username(),
                        account.displayName(),
                        account.email(),
                        UserStatus.ENABLED,
                        account.accountExpiresAt(),
                        null),
                clock.instant());
        try {
            membership.setRoles(id, account.username(), true, account.roleIds());
        } catch (AccessDeniedException refused) {
            throw ValidationException.of(
                    AccountField.ROLES,
                    refused instanceof Explained explained
                            ? explained.explanation()
                            : Message.of("account.roles.refused"));
        }
        return id;
    }

    private static String describe(AccountForm account) {
        return "Local account \"" + account.displayName() + "\" <" + account.email() + ">"
                + (account.accountExpiresAt() == null
                        ? ""
                        : ", expires "
                                + account.accountExpiresAt()
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalDate());
    }

    /** Changes name, email and account expiry of another person's account. */
    @RetriedOnConflict
    @Transactional
    public void edit(long userId, ProfileForm form) {
        membership.lockAdminRole();
        UserRepository.UserAccountRecord account =
                administered(userId, "edit profile").account();
        ProfileForm profile =
                new ProfileForm(Names.name(form.displayName()), form.email().strip(), form.accountExpiresAt());
        Map<AccountField, Message> problems = AccountRules.profileProblems(
                profile.displayName(), profile.email(), profile.accountExpiresAt(), clock.instant());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        List<String> changes = new ArrayList<>();
        if (!account.displayName().equals(profile.displayName())) {
            changes.add("name \"" + account.displayName() + "\" → \"" + profile.displayName() + "\"");
        }
        if (!account.email().equals(profile.email())) {
            changes.add("email " + account.email() + " → " + profile.email());
        }
        if (!Objects.equals(account.accountExpiresAt(), profile.accountExpiresAt())) {
            changes.add("account expiry " + day(account.accountExpiresAt()) + " → " + day(profile.accountExpiresAt()));
        }
        if (changes.isEmpty()) {
            return;
        }
        if (profile.accountExpiresAt() != null
                && !profile.accountExpiresAt().equals(account.accountExpiresAt())
                && account.status() == UserStatus.ENABLED
                && membership.isLastEnabledAdmin(userId)) {
            // an expiry is a disable on a date: the last Admin who never expires keeps that
            throw new Conflict("admin.lastadmin.expiry");
        }
        users.updateProfile(userId, profile.displayName(), profile.email(), profile.accountExpiresAt());
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.EDITED, userId, account.username(), String.join("; ", changes)));
        events.publishEvent(new AccountChanged(account.username()));
    }

    private static String day(@Nullable Instant at) {
        return at == null ? "never" : at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * Removes a person without losing history: the account is disabled, every API key of theirs
     * revoked (by the API-key module, in this transaction) and every set-password link void.
     */
    @RetriedOnConflict
    @Transactional
    public void deactivate(long userId) {
        membership.lockAdminRole();
        UserRepository.UserAccountRecord account =
                administered(userId, "deactivate").account();
        if (account.status() == UserStatus.ENABLED && membership.isLastEnabledAdmin(userId)) {
            throw new Conflict("admin.lastadmin.deactivate");
        }
        users.setStatus(userId, UserStatus.DISABLED);
        links.voidAll(userId);
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.DEACTIVATED,
                userId,
                account.username(),
                "Disabled (was " + account.status().name().toLowerCase(Locale.ROOT)
                        + "); API keys revoked; set-password links void"));
        events.publishEvent(new AccountChanged(account.username()));
    }

    /**
     * The person's password stops working, their sessions end, and they get a new one-time
     * set-password link (shown once to the administrator, who never sees a password).
     */
    @RetriedOnConflict
    @Transactional
    public SetPasswordLink resetPassword(long userId) {
        Administered administered = administered(userId, "reset password");
        UserRepository.UserAccountRecord account = administered.account();
        SignedInUser actor = administered.actor();
        if (account.source() != AccountSource.LOCAL) {
            throw new Conflict(
                    account.source() == AccountSource.SSO ? "admin.reset.sso" : "admin.reset.directory",
                    account.username());
        }
        users.replacePassword(userId, null, clock.instant());
        SetPasswordLink link = links.issue(userId, account.username(), account.email(), actor.id());
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.PASSWORD_RESET,
                userId,
                account.username(),
                "Password cleared, sessions ended; a new set-password link expires "
                        + link.expiresAt()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDateTime()
                                .withNano(0)));
        events.publishEvent(new AccountChanged(account.username()));
        return link;
    }

    /** Whether the signed-in person may administer this account at all: Manage Users, and not their own. */
    public boolean mayAdminister(UserAccountDetails account) {
        return currentUser.hasAuthority(Authorities.MANAGE_USERS)
                && currentUser.get().map(viewer -> viewer.id() != account.id()).orElse(false);
    }

    /**
     * Whether the signed-in person, who may administer accounts, may change this one: it holds no
     * authority they do not hold themselves.
     */
    public boolean withinBoundary(UserAccountDetails account) {
        return currentUser
                .get()
                .map(viewer -> boundary.allows(viewer, account.id()))
                .orElse(false);
    }

    /** Gives the user exactly these roles. */
    @RetriedOnConflict
    @Transactional
    public void setRoles(long userId, Set<Long> roleIds) {
        membership.lockAdminRole();
        UserRepository.UserAccountRecord account =
                administered(userId, "change roles").account();
        membership.setRoles(userId, account.username(), account.status() == UserStatus.ENABLED, roleIds);
    }

    @RetriedOnConflict
    @Transactional
    public void enable(long userId) {
        change(userId, UserStatus.ENABLED, "enable");
    }

    @RetriedOnConflict
    @Transactional
    public void disable(long userId) {
        change(userId, UserStatus.DISABLED, "disable");
    }

    /** A locked account (too many failed sign-ins) may sign in again. */
    @RetriedOnConflict
    @Transactional
    public void unlock(long userId) {
        change(userId, UserStatus.ENABLED, "unlock");
    }

    private void change(long userId, UserStatus status, String action) {
        membership.lockAdminRole();
        UserRepository.UserAccountRecord account = administered(userId, action).account();
        if (status != UserStatus.ENABLED
                && account.status() == UserStatus.ENABLED
                && membership.isLastEnabledAdmin(userId)) {
            throw new Conflict("admin.lastadmin.disable");
        }
        if (account.status() == UserStatus.DIRECTORY_DISABLED && status == UserStatus.ENABLED) {
            throw new Conflict("admin.directorydisabled");
        }
        if (account.status() == status) {
            return;
        }
        users.setStatus(userId, status);
        events.publishEvent(new AccountChanged(account.username()));
        events.publishEvent(
                new AccountStatusChanged(userId, account.username(), account.status(), status, true, null, 0));
    }

    private record Administered(SignedInUser actor, UserRepository.UserAccountRecord account) {}

    /**
     * The account to change (its row locked for the change) and the signed-in person, who may
     * change it: they hold Manage Users, it is not their own, and it holds no authority they do
     * not (refused and audited otherwise).
     */
    private Administered administered(long userId, String action) {
        SignedInUser actor = currentUser.requireAuthority(Authorities.MANAGE_USERS, MANAGE_USERS_NEEDED);
        if (actor.id() == userId) {
            throw new Refused("admin.self");
        }
        UserRepository.UserAccountRecord account =
                users.findAccountForUpdate(userId).orElseThrow(() -> new NotFoundException("users.noid", userId));
        boundary.require(actor, account.id(), account.username(), action);
        return new Administered(actor, account);
    }
}
