package com.keyward.role;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role, and what that gives them: what the role module tells the others (sign-in,
 * API keys, account details). Changes go through {@link RoleAssignments}.
 */
@Service
public class RoleMembership {

    private final RoleRepository roles;
    private final AuthorityRepository authorities;

    RoleMembership(RoleRepository roles, AuthorityRepository authorities) {
        this.roles = roles;
        this.authorities = authorities;
    }

    /** The authority codes a user holds through their roles, expanded down the tree. */
    @Transactional(readOnly = true)
    public Set<String> effectiveAuthorityCodes(long userId) {
        return authorities.findEffectiveAuthorityCodes(userId);
    }

    /** The same with names and levels, in tree order. */
    @Transactional(readOnly = true)
    public List<Authority> effectiveAuthorities(long userId) {
        return authorities.findEffectiveAuthorities(userId);
    }

    /** The names of a user's roles, alphabetical. */
    @Transactional(readOnly = true)
    public List<String> roleNamesOf(long userId) {
        return roles.findRoleNamesOfUser(userId);
    }

    /** The names of the roles a user holds by a directory group (shown as such, not removable here). */
    @Transactional(readOnly = true)
    public List<String> mappedRoleNamesOf(long userId) {
        return roles.findMappedRoleNamesOfUser(userId);
    }

    /** The largest of each limit over the user's roles. */
    @Transactional(readOnly = true)
    public RoleLimits limitsOf(long userId) {
        return roles.findLimitsOfUser(userId);
    }
}
