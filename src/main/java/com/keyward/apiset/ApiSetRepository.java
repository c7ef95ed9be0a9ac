package com.keyward.apiset;

import static com.keyward.db.jooq.Tables.API_SET;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class ApiSetRepository {

    private final DSLContext dsl;

    public ApiSetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The whole catalog: a handful of rows maintained by migrations. */
    public List<ApiSet> findAll() {
        return dsl.select(API_SET.CODE, API_SET.NAME, API_SET.DESCRIPTION)
                .from(API_SET)
                .orderBy(API_SET.POSITION)
                .fetch(r -> new ApiSet(r.value1(), r.value2(), r.value3()));
    }
}
