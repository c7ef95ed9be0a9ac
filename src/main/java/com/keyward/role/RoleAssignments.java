package com.keyward.role;

import com.keyward.security.AccountChanged;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.Conflict;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.Refused;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing who holds which role. Every membership rule lives here: nobody hands out a role whose
 * authorities they do not hold, and the last enabled Admin keeps the role. Whether someone may
 * change an account at all is decided by the module that owns accounts, before it asks.
 */
@Service
public class RoleAssignments {

    private final RoleRepository roles;
    private final AuthorityRepository authorities;
    private final EnabledAccounts accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    RoleAssignments(
            RoleRepository roles,
            AuthorityRepository authorities,
            EnabledAccounts accounts,
            CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.roles = roles;
        this.authorities = authorities;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * Takes the built-in Admin role's row lock for the rest of the transaction: every decision
     * about the last enabled Admin is made under it, so two of them cannot cross.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockAdminRole() {
        roles.lock(roles.findBuiltInId());
    }

    /** Whether this user holds the Admin role and no other enabled account does (under {@link #lockAdminRole}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isLastEnabledAdmin(long userId) {
        List<Long> holders = roles.findHolderIds(roles.findBuiltInId());
        return holders.contains(userId)
                && accounts.countEnabled(
                                holders.stream().filter(id -> id != userId).toList())
                        == 0;
    }

    /** Whether any enabled account holds the Admin role: until one does, Keyward offers its set-up. */
    @Transactional(readOnly = true)
    public boolean enabledAdminExists() {
        return accounts.countEnabled(roles.findHolderIds(roles.findBuiltInId())) > 0;
    }

    /** Whether any account, in whatever status, holds the Admin role. */
    @Transactional(readOnly = true)
    public boolean adminRoleHeld() {
        return !roles.findHolderIds(roles.findBuiltInId()).isEmpty();
    }

    /**
     * Makes this new account the first Admin (set-up, or the start-up settings), under the Admin
     * role's lock: nobody is signed in to hand the role out, so this is allowed only while no
     * account holds it.
     *
     * @throws IllegalStateException when an account holds the Admin role already
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void grantFirstAdmin(long userId, String username) {
        lockAdminRole();
        if (adminRoleHeld()) {
            throw new IllegalStateException("Keyward has an administrator already.");
        }
        grantAdmin(userId, username);
    }

    /**
     * Gives an existing account the Admin role on the host operator's word ({@code recover-admin
     * --grant-admin}): whoever runs Keyward's jar against its database holds every power already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void grantAdminByHost(long userId, String username) {
        lockAdminRole();
        grantAdmin(userId, username);
        events.publishEvent(new AccountChanged(username));
    }

    /** Whether this account holds the Admin role (given by hand or by a directory group). */
    @Transactional(readOnly = true)
    public boolean holdsAdmin(long userId) {
        return roles.findHolderIds(roles.findBuiltInId()).contains(userId);
    }

    private void grantAdmin(long userId, String username) {
        long admin = roles.findBuiltInId();
        roles.assign(userId, admin);
        events.publishEvent(new MembershipChanged(userId, username, name(admin), true));
    }

    /**
     * Gives the account exactly these roles, each assignment and removal audited (under
     * {@link #lockAdminRole}, taken before the account was read).
     *
     * @return whether anything changed
     * @throws AccessDeniedException for a role whose authorities the signed-in person does not hold
     * @throws IllegalStateException when the last enabled Admin would lose the role
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean setRoles(long userId, String username, boolean enabled, Set<Long> roleIds) {
        SignedInUser actor = currentUser.require();
        long admin = roles.findBuiltInId();
        // roles by a directory group are the sync's: neither given nor taken here
        Set<Long> byDirectory = new HashSet<>(roles.findRoleIdsOfUser(userId, true));
        Set<Long> before = new HashSet<>(roles.findRoleIdsOfUser(userId, false));
        Set<Long> added = new HashSet<>(roleIds);
        added.removeAll(before);
        added.removeAll(byDirectory);
        Set<Long> removed = new HashSet<>(before);
        removed.removeAll(roleIds);
        removed.removeAll(byDirectory);

        Set<String> held = actor.getAuthorities().stream()
                .map(granted -> granted.getAuthority())
                .collect(Collectors.toSet());
        // taking a role away is checked like handing it out: nobody strips what they do not hold
        for (long role : added) {
            requireHeld(held, role, "roles.assign.notheld");
        }
        for (long role : removed) {
            requireHeld(held, role, "roles.remove.notheld");
        }
        if (removed.contains(admin) && enabled && isLastEnabledAdmin(userId)) {
            throw new Conflict("admin.lastadmin.role");
        }
        for (long role : added) {
            roles.assign(userId, role);
            events.publishEvent(new MembershipChanged(userId, username, name(role), true));
        }
        for (long role : removed) {
            String name = name(role);
            roles.unassign(userId, role);
            events.publishEvent(new MembershipChanged(userId, username, name, false));
        }
        boolean changed = !added.isEmpty() || !removed.isEmpty();
        if (changed) {
            events.publishEvent(new AccountChanged(username));
        }
        return changed;
    }

    /**
     * Makes the roles a directory account holds by its groups exactly these (the directory sync
     * and directory sign-in; nobody signed in hands them out). Roles an administrator gave stay.
     *
     * @return whether anything changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean setMappedRoles(long userId, String username, Set<String> roleNames) {
        Set<Long> wanted = new HashSet<>();
        for (String name : roleNames) {
            roles.findIdByName(name).ifPresent(wanted::add);
        }
        Set<Long> before = new HashSet<>();
        Set<Long> manual = new HashSet<>();
        roles.findRolesOfUser(userId).forEach((role, fromDirectory) -> (fromDirectory ? before : manual).add(role));
        Set<Long> added = new HashSet<>(wanted);
        added.removeAll(before);
        added.removeAll(manual);
        Set<Long> removed = new HashSet<>(before);
        removed.removeAll(wanted);
        if (removed.isEmpty() && added.isEmpty()) {
            return false;
        }
        long admin = roles.findBuiltInId();
        if (removed.contains(admin)) {
            lockAdminRole();
            // the directory cannot lock everyone out: the last enabled Admin keeps the role
            if (isLastEnabledAdmin(userId)) {
                removed.remove(admin);
            }
        }
        for (long role : added) {
            roles.assignFromGroup(userId, role);
            events.publishEvent(new MembershipChanged(userId, username, name(role) + " (by group)", true));
        }
        for (long role : removed) {
            String name = name(role);
            roles.unassignFromGroup(userId, role);
            events.publishEvent(new MembershipChanged(userId, username, name + " (by group)", false));
        }
        boolean changed = !added.isEmpty() || !removed.isEmpty();
        if (changed) {
            events.publishEvent(new AccountChanged(username));
        }
        return changed;
    }

    private void requireHeld(Set<String> held, long role, String refusal) {
        var details = roles.findDetails(role).orElseThrow(() -> new NotFoundException("roles.noid", role));
        if (!held.containsAll(authorities.coveredBy(details.authorities()))) {
            throw new Refused(refusal, details.name());
        }
    }

    private String name(long roleId) {
        return roles.findDetails(roleId).map(RoleDetails::name).orElse("#" + roleId);
    }
}
