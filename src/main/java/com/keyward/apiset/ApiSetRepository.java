package com.keyward.apiset;

import static com.keyward.db.jooq.Tables.API_SET;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.Records;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ApiSetRepository {

    private final DSLContext dsl;

    public ApiSetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The whole catalog: built-in sets first, then the registered ones, in the order they came. */
    public List<ApiSet> findAll() {
        return selectSets().orderBy(API_SET.POSITION).fetch(Records.mapping(ApiSetRepository::apiSet));
    }

    public Optional<ApiSet> find(String code) {
        return selectSets()
                .where(API_SET.CODE.eq(code))
                .forUpdate()
                .fetchOptional(Records.mapping(ApiSetRepository::apiSet));
    }

    private SelectJoinStep<Record6<String, String, String, String, Boolean, Boolean>> selectSets() {
        return dsl.select(
                        API_SET.CODE,
                        API_SET.NAME,
                        API_SET.DESCRIPTION,
                        API_SET.OWNER_SERVICE,
                        API_SET.BUILT_IN,
                        API_SET.NEEDS_APPROVAL)
                .from(API_SET);
    }

    /** Whether another set than {@code exceptCode} has this name (compared as the column's collation does). */
    public boolean nameTaken(String name, String exceptCode) {
        return dsl.fetchExists(API_SET, API_SET.NAME.eq(name).and(API_SET.CODE.ne(exceptCode)));
    }

    private static ApiSet apiSet(
            String code,
            String name,
            String description,
            @Nullable String ownerService,
            Boolean builtIn,
            Boolean needsApproval) {
        return new ApiSet(code, name, description, ownerService, builtIn, needsApproval);
    }

    public boolean codeTaken(String code) {
        return dsl.fetchExists(API_SET, API_SET.CODE.eq(code));
    }

    public void insert(ApiSet set) {
        dsl.insertInto(API_SET)
                .set(API_SET.CODE, set.code())
                .set(API_SET.NAME, set.name())
                .set(API_SET.DESCRIPTION, set.description())
                .set(API_SET.OWNER_SERVICE, set.ownerService())
                .set(API_SET.BUILT_IN, false)
                .set(API_SET.NEEDS_APPROVAL, set.needsApproval())
                .set(
                        API_SET.POSITION,
                        DSL.select(DSL.coalesce(DSL.max(API_SET.POSITION), 0).plus(1))
                                .from(API_SET))
                .execute();
    }

    public void update(ApiSet set) {
        dsl.update(API_SET)
                .set(API_SET.NAME, set.name())
                .set(API_SET.DESCRIPTION, set.description())
                .set(API_SET.OWNER_SERVICE, set.ownerService())
                .where(API_SET.CODE.eq(set.code()).and(API_SET.BUILT_IN.isFalse()))
                .execute();
    }

    /** The approval rule of any set, built-in ones included. */
    public void setNeedsApproval(String code, boolean needed) {
        dsl.update(API_SET)
                .set(API_SET.NEEDS_APPROVAL, needed)
                .where(API_SET.CODE.eq(code))
                .execute();
    }

    public void delete(String code) {
        dsl.deleteFrom(API_SET)
                .where(API_SET.CODE.eq(code).and(API_SET.BUILT_IN.isFalse()))
                .execute();
    }
}
