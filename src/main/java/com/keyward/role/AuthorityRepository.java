package com.keyward.role;

import static com.keyward.db.jooq.Tables.AUTHORITY;
import static com.keyward.db.jooq.Tables.ROLE_AUTHORITY;
import static com.keyward.db.jooq.Tables.USER_ROLE;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import com.keyward.db.EnumColumns;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class AuthorityRepository {

    private static final Field<AuthorityLevel> LEVEL = EnumColumns.typed(AUTHORITY.LEVEL, AuthorityLevel.class);

    private final DSLContext dsl;

    public AuthorityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The authorities a user holds through their roles, expanded down the tree: a held
     * application or area brings every authority beneath it.
     */
    public Set<String> findEffectiveAuthorityCodes(long userId) {
        CommonTableExpression<Record1<String>> granted = effectiveAuthorities(userId);
        Field<String> code = granted.field("code", String.class);
        return dsl.withRecursive(granted).selectDistinct(code).from(granted).fetch(code, String.class).stream()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    /** The same authorities with names and levels, in tree order (level, then position). */
    public List<Authority> findEffectiveAuthorities(long userId) {
        CommonTableExpression<Record1<String>> granted = effectiveAuthorities(userId);
        return dsl.withRecursive(granted)
                .select(AUTHORITY.CODE, AUTHORITY.NAME, LEVEL)
                .from(AUTHORITY)
                .where(AUTHORITY.CODE.in(
                        select(granted.field("code", String.class)).from(granted)))
                .orderBy(treeOrder(), AUTHORITY.POSITION, AUTHORITY.CODE)
                .fetch(Records.mapping(Authority::new));
    }

    /** These codes and every authority beneath them. */
    public Set<String> coveredBy(Set<String> codes) {
        return new AuthorityTree(findTree()).covered(codes);
    }

    /** The whole tree (a catalog of a dozen rows), in tree order, with each node's parent. */
    public List<AuthorityNode> findTree() {
        return dsl.select(DSL.row(AUTHORITY.CODE, AUTHORITY.NAME, LEVEL).mapping(Authority::new), AUTHORITY.PARENT_CODE)
                .from(AUTHORITY)
                .orderBy(treeOrder(), AUTHORITY.POSITION)
                .fetch(Records.mapping(AuthorityNode::new));
    }

    /** Applications first, then areas, then actions: the order the enum declares them in. */
    private static SortField<Integer> treeOrder() {
        return AUTHORITY.LEVEL.sortAsc(
                Arrays.stream(AuthorityLevel.values()).map(Enum::name).toList());
    }

    private static CommonTableExpression<Record1<String>> effectiveAuthorities(long userId) {
        Field<String> code = field(name("granted", "code"), String.class);
        return name("granted")
                .fields("code")
                .as(select(ROLE_AUTHORITY.AUTHORITY_CODE)
                        .from(ROLE_AUTHORITY)
                        .join(USER_ROLE)
                        .on(USER_ROLE.ROLE_ID.eq(ROLE_AUTHORITY.ROLE_ID))
                        .where(USER_ROLE.USER_ID.eq(userId))
                        .unionAll(select(AUTHORITY.CODE)
                                .from(AUTHORITY)
                                .join(table(name("granted")))
                                .on(AUTHORITY.PARENT_CODE.eq(code))));
    }
}
