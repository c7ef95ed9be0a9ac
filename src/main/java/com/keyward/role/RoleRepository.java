package com.keyward.role;

import static com.keyward.db.jooq.Tables.ROLE;
import static com.keyward.db.jooq.Tables.ROLE_AUTHORITY;
import static com.keyward.db.jooq.Tables.USER_ROLE;

import com.keyward.db.DbTime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class RoleRepository {

    private final DSLContext dsl;

    public RoleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Long> findIdByName(String name) {
        return dsl.select(ROLE.ID).from(ROLE).where(ROLE.NAME.eq(name)).fetchOptional(ROLE.ID);
    }

    public long create(String name, String description, Collection<String> authorityCodes, Instant createdAt) {
        long id = dsl.insertInto(ROLE, ROLE.NAME, ROLE.DESCRIPTION, ROLE.BUILT_IN, ROLE.CREATED_AT)
                .values(name, description, false, DbTime.toDb(createdAt))
                .returning(ROLE.ID)
                .fetchOne(ROLE.ID);
        var insert = dsl.insertInto(ROLE_AUTHORITY, ROLE_AUTHORITY.ROLE_ID, ROLE_AUTHORITY.AUTHORITY_CODE);
        for (String code : authorityCodes) {
            insert = insert.values(id, code);
        }
        insert.execute();
        return id;
    }

    /** Role names of one user, alphabetical. */
    public List<String> findRoleNamesOfUser(long userId) {
        return dsl.select(ROLE.NAME).from(ROLE).join(USER_ROLE).on(USER_ROLE.ROLE_ID.eq(ROLE.ID))
                .where(USER_ROLE.USER_ID.eq(userId))
                .orderBy(ROLE.NAME)
                .fetch(ROLE.NAME);
    }

    public void assign(long userId, long roleId) {
        dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE_ID).values(userId, roleId)
                .onDuplicateKeyIgnore()
                .execute();
    }
}
