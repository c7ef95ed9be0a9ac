package com.keyward.role;

import static com.keyward.db.jooq.Tables.ROLE;
import static com.keyward.db.jooq.Tables.ROLE_AUTHORITY;
import static com.keyward.db.jooq.Tables.ROLE_LIMIT;
import static com.keyward.db.jooq.Tables.USER_ROLE;
import static org.jooq.impl.DSL.select;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class RoleRepository {

    static final String LIMIT_KEYS = "MAX_ACTIVE_API_KEYS";
    static final String LIMIT_LIFETIME = "MAX_API_KEY_LIFETIME_DAYS";

    private final DSLContext dsl;

    public RoleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The built-in Admin role. */
    public long findBuiltInId() {
        return dsl.select(ROLE.ID).from(ROLE).where(ROLE.BUILT_IN.isTrue()).fetchSingle(ROLE.ID);
    }

    public Optional<Long> findIdByName(String name) {
        return dsl.select(ROLE.ID).from(ROLE).where(ROLE.NAME.eq(name)).fetchOptional(ROLE.ID);
    }

    public long create(
            String name, @Nullable String description, Collection<String> authorityCodes, Instant createdAt) {
        long id = dsl.insertInto(ROLE, ROLE.NAME, ROLE.DESCRIPTION, ROLE.BUILT_IN, ROLE.CREATED_AT)
                .values(name, description, false, createdAt)
                .returning(ROLE.ID)
                .fetchOne(ROLE.ID);
        var insert = dsl.insertInto(ROLE_AUTHORITY, ROLE_AUTHORITY.ROLE_ID, ROLE_AUTHORITY.AUTHORITY_CODE);
        for (String code : authorityCodes) {
            insert = insert.values(id, code);
        }
        if (!authorityCodes.isEmpty()) {
            insert.execute();
        }
        return id;
    }

    public int count() {
        return dsl.fetchCount(ROLE);
    }

    /** Every role, by name, for choosers (a handful of rows). */
    public List<RoleSummary> findAll() {
        return findPage(0, Integer.MAX_VALUE);
    }

    /** Roles by name, paged, each with its authority codes, limits and number of holders: one query. */
    public List<RoleSummary> findPage(int offset, int limit) {
        return dsl.select(ROLE.ID, ROLE.NAME, ROLE.DESCRIPTION, ROLE.BUILT_IN, authorityCodes(), limits(), holders())
                .from(ROLE)
                .orderBy(ROLE.NAME)
                .limit(limit)
                .offset(offset)
                .fetch(Records.mapping((id, name, description, builtIn, codes, limits, users) ->
                        new RoleSummary(id, name, description, builtIn, codes, limits, users)));
    }

    /** One role with its authority codes, limits and number of holders: one query. */
    public Optional<RoleDetails> findDetails(long id) {
        return dsl.select(ROLE.ID, ROLE.NAME, ROLE.DESCRIPTION, ROLE.BUILT_IN, authorityCodes(), limits(), holders())
                .from(ROLE)
                .where(ROLE.ID.eq(id))
                .fetchOptional(Records.mapping((roleId, name, description, builtIn, codes, limits, users) ->
                        new RoleDetails(roleId, name, description, builtIn, Set.copyOf(codes), limits, users)));
    }

    private static Field<List<String>> authorityCodes() {
        return DSL.multiset(select(ROLE_AUTHORITY.AUTHORITY_CODE)
                        .from(ROLE_AUTHORITY)
                        .where(ROLE_AUTHORITY.ROLE_ID.eq(ROLE.ID))
                        .orderBy(ROLE_AUTHORITY.AUTHORITY_CODE))
                .convertFrom(codes -> codes.map(Record1::value1));
    }

    /** The role's limits; a missing row means the default. */
    private static SelectField<RoleLimits> limits() {
        return DSL.row(
                        limit(ROLE.ID, LIMIT_KEYS, RoleLimits.DEFAULT_MAX_ACTIVE_API_KEYS),
                        limit(ROLE.ID, LIMIT_LIFETIME, RoleLimits.DEFAULT_MAX_API_KEY_LIFETIME_DAYS))
                .mapping(RoleLimits::new);
    }

    private static Field<Integer> limit(Field<Long> roleId, String code, int fallback) {
        return DSL.coalesce(
                DSL.field(select(ROLE_LIMIT.LIMIT_VALUE)
                        .from(ROLE_LIMIT)
                        .where(ROLE_LIMIT.ROLE_ID.eq(roleId).and(ROLE_LIMIT.LIMIT_CODE.eq(code)))),
                fallback);
    }

    private static Field<Integer> holders() {
        return DSL.field(DSL.selectCount().from(USER_ROLE).where(USER_ROLE.ROLE_ID.eq(ROLE.ID)));
    }

    public int countUsers(long roleId) {
        return dsl.fetchCount(USER_ROLE, USER_ROLE.ROLE_ID.eq(roleId));
    }

    /** Whether a role other than {@code except} (none when empty) has this name. */
    public boolean nameTaken(String name, Optional<Long> except) {
        return dsl.fetchExists(
                ROLE, ROLE.NAME.eq(name).and(except.map(ROLE.ID::ne).orElse(DSL.noCondition())));
    }

    public void update(long id, String name, @Nullable String description, Collection<String> authorityCodes) {
        dsl.update(ROLE)
                .set(ROLE.NAME, name)
                .set(ROLE.DESCRIPTION, description)
                .where(ROLE.ID.eq(id))
                .execute();
        dsl.deleteFrom(ROLE_AUTHORITY).where(ROLE_AUTHORITY.ROLE_ID.eq(id)).execute();
        var insert = dsl.insertInto(ROLE_AUTHORITY, ROLE_AUTHORITY.ROLE_ID, ROLE_AUTHORITY.AUTHORITY_CODE);
        for (String code : authorityCodes) {
            insert = insert.values(id, code);
        }
        if (!authorityCodes.isEmpty()) {
            insert.execute();
        }
    }

    public void delete(long id) {
        dsl.deleteFrom(ROLE).where(ROLE.ID.eq(id)).execute();
    }

    /**
     * Claims a role's row until the transaction ends (the last-Admin rule counts under it). It
     * writes the row (its counter of changes) rather than only locking it: on a Galera cluster a
     * SELECT ... FOR UPDATE holds on one node only, while two writes of one row on two nodes
     * conflict at commit and the second is tried again ({@link com.keyward.db.RetriedOnConflict}).
     */
    public void lock(long roleId) {
        dsl.update(ROLE)
                .set(ROLE.CHANGES, ROLE.CHANGES.plus(1))
                .where(ROLE.ID.eq(roleId))
                .execute();
    }

    /** The users holding the role. */
    public List<Long> findHolderIds(long roleId) {
        return dsl.select(USER_ROLE.USER_ID)
                .from(USER_ROLE)
                .where(USER_ROLE.ROLE_ID.eq(roleId))
                .fetch(USER_ROLE.USER_ID);
    }

    public java.util.List<Long> findRoleIdsOfUser(long userId) {
        return dsl.select(USER_ROLE.ROLE_ID)
                .from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(userId))
                .fetch(USER_ROLE.ROLE_ID);
    }

    /** The roles a user holds by a directory group ({@code true}) or from an administrator ({@code false}). */
    public java.util.List<Long> findRoleIdsOfUser(long userId, boolean fromDirectory) {
        return dsl.select(USER_ROLE.ROLE_ID)
                .from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(userId).and(USER_ROLE.FROM_GROUP.eq(fromDirectory)))
                .fetch(USER_ROLE.ROLE_ID);
    }

    /** The roles of a user, each with whether a directory group gave it. */
    public java.util.Map<Long, Boolean> findRolesOfUser(long userId) {
        return dsl.select(USER_ROLE.ROLE_ID, USER_ROLE.FROM_GROUP)
                .from(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(userId))
                .fetchMap(USER_ROLE.ROLE_ID, USER_ROLE.FROM_GROUP);
    }

    /** Role names a user holds by a directory group, alphabetical. */
    public List<String> findMappedRoleNamesOfUser(long userId) {
        return dsl.select(ROLE.NAME)
                .from(ROLE)
                .join(USER_ROLE)
                .on(USER_ROLE.ROLE_ID.eq(ROLE.ID))
                .where(USER_ROLE.USER_ID.eq(userId).and(USER_ROLE.FROM_GROUP.isTrue()))
                .orderBy(ROLE.NAME)
                .fetch(ROLE.NAME);
    }

    /** A role by a directory group; one an administrator gave already stays theirs. */
    public void assignFromGroup(long userId, long roleId) {
        dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE_ID, USER_ROLE.FROM_GROUP)
                .values(userId, roleId, true)
                .onDuplicateKeyIgnore()
                .execute();
    }

    public void unassignFromGroup(long userId, long roleId) {
        dsl.deleteFrom(USER_ROLE)
                .where(USER_ROLE
                        .USER_ID
                        .eq(userId)
                        .and(USER_ROLE.ROLE_ID.eq(roleId))
                        .and(USER_ROLE.FROM_GROUP.isTrue()))
                .execute();
    }

    public void unassign(long userId, long roleId) {
        dsl.deleteFrom(USER_ROLE)
                .where(USER_ROLE.USER_ID.eq(userId).and(USER_ROLE.ROLE_ID.eq(roleId)))
                .execute();
    }

    /** Role names of one user, alphabetical. */
    public List<String> findRoleNamesOfUser(long userId) {
        return dsl.select(ROLE.NAME)
                .from(ROLE)
                .join(USER_ROLE)
                .on(USER_ROLE.ROLE_ID.eq(ROLE.ID))
                .where(USER_ROLE.USER_ID.eq(userId))
                .orderBy(ROLE.NAME)
                .fetch(ROLE.NAME);
    }

    /** The largest of each limit over the user's roles; a role without a limit row has the default. */
    public RoleLimits findLimitsOfUser(long userId) {
        var keys = ROLE_LIMIT.as("keys");
        var lifetime = ROLE_LIMIT.as("lifetime");
        var maxKeys = DSL.max(DSL.coalesce(keys.LIMIT_VALUE, RoleLimits.DEFAULT_MAX_ACTIVE_API_KEYS));
        var maxDays = DSL.max(DSL.coalesce(lifetime.LIMIT_VALUE, RoleLimits.DEFAULT_MAX_API_KEY_LIFETIME_DAYS));
        var limits = dsl.select(maxKeys, maxDays)
                .from(USER_ROLE)
                .leftJoin(keys)
                .on(keys.ROLE_ID.eq(USER_ROLE.ROLE_ID).and(keys.LIMIT_CODE.eq(LIMIT_KEYS)))
                .leftJoin(lifetime)
                .on(lifetime.ROLE_ID.eq(USER_ROLE.ROLE_ID).and(lifetime.LIMIT_CODE.eq(LIMIT_LIFETIME)))
                .where(USER_ROLE.USER_ID.eq(userId))
                .fetchOne();
        return limits == null || limits.value1() == null
                ? RoleLimits.DEFAULTS
                : new RoleLimits(limits.value1(), limits.value2());
    }

    /** Sets one limit of a role (insert or update). */
    public void setLimit(long roleId, String limitCode, int value) {
        dsl.insertInto(ROLE_LIMIT, ROLE_LIMIT.ROLE_ID, ROLE_LIMIT.LIMIT_CODE, ROLE_LIMIT.LIMIT_VALUE)
                .values(roleId, limitCode, value)
                .onDuplicateKeyUpdate()
                .set(ROLE_LIMIT.LIMIT_VALUE, value)
                .execute();
    }

    public void assign(long userId, long roleId) {
        dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE_ID)
                .values(userId, roleId)
                .onDuplicateKeyIgnore()
                .execute();
    }
}
