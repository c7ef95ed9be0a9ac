package com.keyward.db;

import java.util.function.LongSupplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;

/**
 * How many rows a grid's filter matches: exact, or the optimiser's estimate, which a grid shows
 * as "about …" while the exact figure is counted without holding the grid up.
 */
public record RowCount(long value, boolean exact) {

    /** Up to about this many matches an exact count takes a few milliseconds: no estimate then. */
    public static final long EXACT_BELOW = 10_000;

    public static RowCount exact(long value) {
        return new RowCount(value, true);
    }

    public static RowCount about(long value) {
        return new RowCount(value, false);
    }

    /**
     * The rows of {@code table} that match {@code where}: MariaDB's estimate from {@code EXPLAIN}
     * (no rows read: index dives for a range, statistics otherwise), or the exact figure from
     * {@code exact} when the estimate is small or there is none.
     */
    public static RowCount quick(DSLContext dsl, Table<?> table, Condition where, LongSupplier exact) {
        // the first row of the plan is the grid's own table; joined lookups follow it
        Record plan = dsl.fetch("explain {0}", dsl.selectOne().from(table).where(where)).stream()
                .findFirst()
                .orElse(null);
        double estimate = Double.NaN;
        if (plan != null && plan.get("rows") != null) {
            Object filtered = plan.field("filtered") == null ? null : plan.get("filtered");
            estimate = plan.get("rows", Double.class)
                    * (filtered == null ? 100 : Double.parseDouble(filtered.toString()))
                    / 100;
        }
        if (Double.isNaN(estimate) || estimate < EXACT_BELOW) {
            return exact(exact.getAsLong());
        }
        return about(roughly(estimate));
    }

    /**
     * Two significant digits: an estimate is no more precise (for a filter over several columns
     * MariaDB adds the ranges of each index, so a row matching two of them counts twice).
     */
    static long roughly(double estimate) {
        double scale = Math.pow(10, Math.max(0, Math.floor(Math.log10(estimate)) - 1));
        return Math.round(estimate / scale) * (long) scale;
    }
}
