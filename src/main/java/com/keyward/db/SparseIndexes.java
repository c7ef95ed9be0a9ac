package com.keyward.db;

import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Makes the {@link SparseIndex} of a module's large grid, with the configured spacing of its marks. */
@Component
public class SparseIndexes {

    private final DSLContext dsl;
    private final Clock clock;
    private final int spacing;

    SparseIndexes(DSLContext dsl, Clock clock, @Value("${keyward.paging.mark-spacing:1024}") int spacing) {
        if (spacing < 2) {
            throw new IllegalArgumentException("keyward.paging.mark-spacing must be at least 2");
        }
        this.dsl = dsl;
        this.clock = clock;
        this.spacing = spacing;
    }

    /** An index of {@code table}, only ever inserted into, in the order of the unique {@code key}. */
    public SparseIndex of(String name, Table<?> table, Field<Long> id, List<Field<?>> key) {
        return new SparseIndex(dsl, name, table, id, key, spacing, clock);
    }
}
