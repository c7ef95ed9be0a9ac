package com.keyward.role;

import static com.keyward.db.jooq.Tables.AUTHORITY;
import static com.keyward.db.jooq.Tables.ROLE_AUTHORITY;
import static com.keyward.db.jooq.Tables.USER_ROLE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.util.Set;
import java.util.TreeSet;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.springframework.stereotype.Repository;

@Repository
public class AuthorityRepository {

    private final DSLContext dsl;

    public AuthorityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The authorities a user holds through their roles, expanded down the tree: a held
     * application or area brings every authority beneath it.
     */
    public Set<String> findEffectiveAuthorityCodes(long userId) {
        Field<String> code = field(name("granted", "code"), String.class);
        CommonTableExpression<Record1<String>> granted = name("granted").fields("code").as(
                select(ROLE_AUTHORITY.AUTHORITY_CODE)
                        .from(ROLE_AUTHORITY)
                        .join(USER_ROLE).on(USER_ROLE.ROLE_ID.eq(ROLE_AUTHORITY.ROLE_ID))
                        .where(USER_ROLE.USER_ID.eq(userId))
                        .unionAll(select(AUTHORITY.CODE)
                                .from(AUTHORITY)
                                .join(table(name("granted"))).on(AUTHORITY.PARENT_CODE.eq(code))));
        return dsl.withRecursive(granted)
                .selectDistinct(code)
                .from(granted)
                .fetch(code, String.class)
                .stream()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
}
