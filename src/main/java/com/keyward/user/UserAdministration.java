package com.keyward.user;

import com.keyward.role.RoleAssignments;
import com.keyward.security.AccountChanged;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.NotFoundException;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing who holds which role, and whether an account may sign in (Manage Users). Nobody
 * changes their own account here; the role module's rules (no hand-outs beyond one's own
 * authorities, the last enabled Admin) apply to every change.
 */
@Service
public class UserAdministration {

    private static final String MANAGE_USERS_NEEDED = "Changing accounts needs the Manage Users authority";

    private final UserRepository users;
    private final RoleAssignments membership;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    UserAdministration(
            UserRepository users,
            RoleAssignments membership,
            CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.users = users;
        this.membership = membership;
        this.currentUser = currentUser;
        this.events = events;
    }

    public boolean mayAdminister(UserAccountDetails account) {
        return currentUser.hasAuthority(Authorities.MANAGE_USERS)
                && currentUser.get().map(viewer -> viewer.id() != account.id()).orElse(false);
    }

    /** Gives the user exactly these roles. */
    @Transactional
    public void setRoles(long userId, Set<Long> roleIds) {
        requireAdministrator(userId);
        membership.lockAdminRole();
        UserRepository.UserAccountRecord account = account(userId);
        membership.setRoles(userId, account.username(), account.status() == UserStatus.ENABLED, roleIds);
    }

    @Transactional
    public void enable(long userId) {
        change(userId, UserStatus.ENABLED);
    }

    @Transactional
    public void disable(long userId) {
        change(userId, UserStatus.DISABLED);
    }

    /** A locked account (too many failed sign-ins) may sign in again. */
    @Transactional
    public void unlock(long userId) {
        change(userId, UserStatus.ENABLED);
    }

    private void change(long userId, UserStatus status) {
        requireAdministrator(userId);
        membership.lockAdminRole();
        UserRepository.UserAccountRecord account = account(userId);
        if (status != UserStatus.ENABLED
                && account.status() == UserStatus.ENABLED
                && membership.isLastEnabledAdmin(userId)) {
            throw new IllegalStateException("The last enabled Admin cannot be disabled.");
        }
        if (account.status() == status) {
            return;
        }
        users.setStatus(userId, status);
        events.publishEvent(new AccountChanged(account.username()));
        events.publishEvent(
                new AccountStatusChanged(userId, account.username(), account.status(), status, true, null, 0));
    }

    private SignedInUser requireAdministrator(long userId) {
        SignedInUser actor = currentUser.requireAuthority(Authorities.MANAGE_USERS, MANAGE_USERS_NEEDED);
        if (actor.id() == userId) {
            throw new AccessDeniedException("You cannot change your own roles or account status");
        }
        return actor;
    }

    private UserRepository.UserAccountRecord account(long userId) {
        return users.findAccountById(userId)
                .orElseThrow(() -> new NotFoundException("There is no user with id " + userId + "."));
    }
}
