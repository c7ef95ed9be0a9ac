package com.keyward.role;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** What tests outside the role module may do to roles directly: the repository stays the module's. */
@Component
public class RoleFixtures {

    private final RoleRepository roles;
    private final DSLContext dsl;

    RoleFixtures(RoleRepository roles, DSLContext dsl) {
        this.roles = roles;
        this.dsl = dsl;
    }

    /**
     * Makes this account the only Admin who counts, for the length of the caller's transaction
     * (which it rolls back): it gets the Admin role, and every other holder gets {@code assignment}
     * (an SQL SET clause on app_user, e.g. {@code status = 'DISABLED'}).
     */
    public void makeOnlyAdmin(long userId, String assignment) {
        long admin = roles.findBuiltInId();
        roles.assign(userId, admin);
        dsl.execute(
                "UPDATE app_user SET " + assignment + " WHERE id <> ? AND id IN "
                        + "(SELECT user_id FROM user_role WHERE role_id = ?)",
                userId,
                admin);
    }

    public long create(String name, String description, Collection<String> authorityCodes, Instant createdAt) {
        return roles.create(name, description, authorityCodes, createdAt);
    }

    public void assign(long userId, long roleId) {
        roles.assign(userId, roleId);
    }

    public Optional<Long> findIdByName(String name) {
        return roles.findIdByName(name);
    }

    public Optional<RoleDetails> findDetails(long id) {
        return roles.findDetails(id);
    }

    public long findBuiltInId() {
        return roles.findBuiltInId();
    }

    public List<Long> findRoleIdsOfUser(long userId) {
        return roles.findRoleIdsOfUser(userId);
    }

    public int count() {
        return roles.count();
    }

    public void setLimit(long roleId, String limitCode, int value) {
        roles.setLimit(roleId, limitCode, value);
    }
}
