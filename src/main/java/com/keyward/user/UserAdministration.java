package com.keyward.user;

import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditLog;
import com.keyward.role.AuthorityRepository;
import com.keyward.role.RoleRepository;
import com.keyward.security.AccountChanged;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing who holds which role, and whether an account may sign in (Manage Users). Nobody
 * changes their own account here, nobody hands out authorities they do not hold, and the last
 * enabled Admin keeps the role and stays enabled.
 */
@Service
public class UserAdministration {

    private static final String MANAGE_USERS_NEEDED = "Changing accounts needs the Manage Users authority";

    private final UserRepository users;
    private final RoleRepository roles;
    private final AuthorityRepository authorities;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    public UserAdministration(UserRepository users, RoleRepository roles, AuthorityRepository authorities,
            AuditLog audit, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.roles = roles;
        this.authorities = authorities;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    public boolean mayAdminister(UserAccountDetails account) {
        return currentUser.hasAuthority(Authorities.MANAGE_USERS)
                && currentUser.get().map(viewer -> viewer.id() != account.id()).orElse(false);
    }

    /** Gives the user exactly these roles. */
    @Transactional
    public void setRoles(long userId, Set<Long> roleIds) {
        SignedInUser actor = requireAdministrator(userId);
        long admin = roles.findBuiltInId();
        roles.lock(admin);
        UserRepository.UserAccountRecord account = account(userId);
        Set<Long> before = new HashSet<>(roles.findRoleIdsOfUser(userId));
        Set<Long> added = new HashSet<>(roleIds);
        added.removeAll(before);
        Set<Long> removed = new HashSet<>(before);
        removed.removeAll(roleIds);

        Set<String> held = actor.getAuthorities().stream().map(granted -> granted.getAuthority())
                .collect(Collectors.toSet());
        for (long role : added) {
            var details = roles.findDetails(role).orElseThrow(() -> new IllegalArgumentException("No such role"));
            Set<String> granted = authorities.coveredBy(details.authorities());
            if (!held.containsAll(granted)) {
                throw new AccessDeniedException("You can only assign roles whose authorities you hold yourself ("
                        + details.name() + ")");
            }
        }
        if (removed.contains(admin) && account.status() == UserStatus.ENABLED
                && roles.countOtherEnabledHolders(admin, userId) == 0) {
            throw new IllegalStateException("The last enabled Admin cannot lose the Admin role.");
        }
        for (long role : added) {
            roles.assign(userId, role);
            audit.record(AuditEventType.ROLE_ASSIGNED, userId, account.username(), "Role \"" + name(role) + "\"");
        }
        for (long role : removed) {
            String name = name(role);
            roles.unassign(userId, role);
            audit.record(AuditEventType.ROLE_REMOVED, userId, account.username(), "Role \"" + name + "\"");
        }
        if (!added.isEmpty() || !removed.isEmpty()) {
            events.publishEvent(new AccountChanged(account.username()));
        }
    }

    @Transactional
    public void enable(long userId) {
        change(userId, UserStatus.ENABLED, AuditEventType.ACCOUNT_ENABLED);
    }

    @Transactional
    public void disable(long userId) {
        change(userId, UserStatus.DISABLED, AuditEventType.ACCOUNT_DISABLED);
    }

    /** A locked account (too many failed sign-ins) may sign in again. */
    @Transactional
    public void unlock(long userId) {
        change(userId, UserStatus.ENABLED, AuditEventType.ACCOUNT_UNLOCKED);
    }

    private void change(long userId, UserStatus status, AuditEventType event) {
        requireAdministrator(userId);
        long admin = roles.findBuiltInId();
        roles.lock(admin);
        UserRepository.UserAccountRecord account = account(userId);
        if (status != UserStatus.ENABLED && account.status() == UserStatus.ENABLED
                && roles.findRoleIdsOfUser(userId).contains(admin) && roles.countOtherEnabledHolders(admin, userId) == 0) {
            throw new IllegalStateException("The last enabled Admin cannot be disabled.");
        }
        if (account.status() == status) {
            return;
        }
        users.setStatus(userId, status);
        events.publishEvent(new AccountChanged(account.username()));
        audit.record(event, userId, account.username(), "Was " + account.status().name().toLowerCase() + ", now "
                + status.name().toLowerCase());
    }

    private SignedInUser requireAdministrator(long userId) {
        SignedInUser actor = currentUser.requireAuthority(Authorities.MANAGE_USERS, MANAGE_USERS_NEEDED);
        if (actor.id() == userId) {
            throw new AccessDeniedException("You cannot change your own roles or account status");
        }
        return actor;
    }

    private UserRepository.UserAccountRecord account(long userId) {
        return users.findAccountById(userId).orElseThrow(() -> new IllegalArgumentException("No such user"));
    }

    private String name(long roleId) {
        return roles.findDetails(roleId).map(role -> role.name()).orElse("#" + roleId);
    }
}
