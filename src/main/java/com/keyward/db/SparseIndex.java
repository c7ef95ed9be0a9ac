package com.keyward.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any page of a large grid in its default order as fast as the first one: a sparse index that
 * remembers every {@code spacing}-th row's sort key and its rank, so that a page at offset
 * 2,500,000 seeks to the nearest mark and walks at most about {@code spacing} index entries,
 * instead of the 2.5 M that {@code OFFSET} walks.
 *
 * <p>It serves tables whose rows are only ever inserted (users, API keys and audit events are never
 * deleted, and their sort keys never change), ordered by a unique, ascending key of one or two
 * columns that an index covers. It is exact under inserts without being told about them: rows
 * inserted after the marks were taken have a larger id, and each page counts the few of those that
 * sort before its mark (a range of the primary key) and shifts the mark's rank by that much. The
 * exact total is the marks' total plus the rows inserted since. So nothing on the write path
 * changes (no counter row that every insert would update: a hot row, which a Galera cluster turns
 * into certification conflicts).
 *
 * <p>Each node builds its own marks in a background thread (one index scan of the covering index,
 * about a second per million rows) when the grid is first used, and again when many rows have
 * come since, or when they are older than {@link #MAX_AGE}: a row whose transaction committed only
 * after the scan, with an id below the scan's largest, is missed until then. Until the first marks
 * are there, and for tables too small to need them, {@link #window} answers empty and the caller
 * pages with {@code OFFSET}, as before.
 */
public final class SparseIndex {

    /** Marks older than this are built again, when next used. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** After a failed build, the next try waits this long. */
    private static final Duration RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SparseIndex.class);

    private final DSLContext dsl;
    private final String name;
    private final Table<?> table;
    private final Field<Long> id;
    private final List<Field<?>> key;
    private final int spacing;
    private final Clock clock;
    private final AtomicBoolean building = new AtomicBoolean();

    private volatile @Nullable Marks marks;
    private volatile Instant nextTry = Instant.MIN;

    /**
     * @param table the table, only ever inserted into
     * @param id its auto-increment primary key
     * @param key the unique sort key in ascending order (e.g. username; or created_at, id), covered
     *     by an index
     * @param spacing rows between two marks: the most a page's seek walks past its mark
     */
    public SparseIndex(
            DSLContext dsl, String name, Table<?> table, Field<Long> id, List<Field<?>> key, int spacing, Clock clock) {
        if (key.isEmpty() || key.size() > 2) {
            throw new IllegalArgumentException("a sort key of one or two columns");
        }
        this.dsl = dsl;
        this.name = name;
        this.table = table;
        this.id = id;
        this.key = List.copyOf(key);
        this.spacing = spacing;
        this.clock = clock;
    }

    /**
     * Where to read rows {@code offset} to {@code offset + limit} in key order ({@code ascending})
     * or reverse key order: empty while there are no marks, and for a page within the first
     * {@code spacing} rows of its order (the caller uses {@code OFFSET}: it walks no further than
     * from a mark, and the first page, the one most read, needs no mark and no count at all).
     */
    public Optional<Window> window(int offset, int limit, boolean ascending) {
        if ((long) offset + limit <= spacing) {
            return Optional.empty();
        }
        Current now = current();
        if (now == null || now.marks.total < 2L * spacing) {
            return Optional.empty();
        }
        Marks current = now.marks;
        long since = now.since;
        long total = current.total + since;
        int from = offset;
        int count = limit;
        if (!ascending) {
            // the reverse order's rows offset .. offset + limit - 1 are these, read forwards
            from = (int) Math.max(0, total - offset - limit);
            count = (int) Math.min(limit, Math.max(0, total - offset));
        }
        if (count <= 0) {
            return Optional.of(new Window(DSL.falseCondition(), 0, 0, !ascending));
        }
        int mark = Math.min(from / spacing, current.keys.size());
        long rank = rank(current, mark, since);
        while (rank > from) {
            mark--;
            rank = rank(current, mark, since);
        }
        Condition after = mark == 0 ? DSL.noCondition() : atOrAfter(current.keys.get(mark - 1));
        return Optional.of(new Window(after, (int) (from - rank), count, !ascending));
    }

    /** The exact number of rows, without counting them all: empty while there are no marks. */
    public OptionalLong total() {
        Current now = current();
        return now == null ? OptionalLong.empty() : OptionalLong.of(now.marks.total + now.since);
    }

    /** The sort key, ascending: the order every {@link Window} is read in. */
    public List<SortField<?>> ascending() {
        return key.stream().<SortField<?>>map(Field::asc).toList();
    }

    /**
     * Builds the marks now, in this thread: for benchmarks and tests, which seed rows and then want
     * the marks without waiting.
     */
    public void rebuild() {
        marks = build();
    }

    /** The marks, and the rows inserted since they were built; starts a build when there are none or they are stale. */
    private @Nullable Current current() {
        Marks current = marks;
        if (current == null) {
            buildInBackground();
            return null;
        }
        long since = insertedSince(current);
        if (since > spacing / 2 || current.builtAt.plus(MAX_AGE).isBefore(clock.instant())) {
            buildInBackground();
        }
        return new Current(current, since);
    }

    /** Starts a build in the background, unless one runs or the last one failed just now. */
    private void buildInBackground() {
        if (!clock.instant().isAfter(nextTry) || !building.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("sparse-index-" + name).start(() -> {
            try {
                marks = build();
            } catch (RuntimeException e) {
                nextTry = clock.instant().plus(RETRY);
                log.warn(
                        "Could not index {} for paging ({}); deep pages use OFFSET until it works", name, e.toString());
            } finally {
                building.set(false);
            }
        });
    }

    /** Rows before the {@code mark}-th mark now: its rank when built, plus the rows inserted since that sort before it. */
    private long rank(Marks current, int mark, long since) {
        if (mark == 0) {
            return 0;
        }
        long rank = (long) mark * spacing;
        if (since == 0) {
            return rank;
        }
        return rank
                + dsl.selectCount()
                        .from(table)
                        .where(id.gt(current.maxId).and(before(current.keys.get(mark - 1))))
                        .fetchSingle(0, Long.class);
    }

    private long insertedSince(Marks current) {
        return dsl.selectCount().from(table).where(id.gt(current.maxId)).fetchSingle(0, Long.class);
    }

    /**
     * One scan of the covering index in key order, in one read-only transaction: its largest id and
     * its rows are of the same moment.
     */
    private Marks build() {
        long start = System.nanoTime();
        Marks built = dsl.transactionResult(configuration -> {
            DSLContext tx = DSL.using(configuration);
            long maxId = tx.select(DSL.coalesce(DSL.max(id), 0L)).from(table).fetchSingle(0, Long.class);
            List<Object[]> keys = new ArrayList<>();
            long rows = 0;
            try (Cursor<Record> cursor = tx.select(key)
                    .from(table)
                    .where(id.le(maxId))
                    .orderBy(ascending())
                    .fetchSize(10_000)
                    .fetchLazy()) {
                for (Record row : cursor) {
                    if (rows > 0 && rows % spacing == 0) {
                        keys.add(row.intoArray());
                    }
                    rows++;
                }
            }
            return new Marks(List.copyOf(keys), rows, maxId, clock.instant());
        });
        log.info(
                "Indexed {} for paging: {} rows, {} marks, in {} ms",
                name,
                built.total,
                built.keys.size(),
                (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    /** Rows whose key is at or after {@code values}; written out, so MariaDB's range optimiser uses the index. */
    private Condition atOrAfter(Object[] values) {
        if (key.size() == 1) {
            return compare(key.get(0), values[0], true, true);
        }
        return compare(key.get(0), values[0], true, true)
                .and(compare(key.get(0), values[0], true, false).or(compare(key.get(1), values[1], true, true)));
    }

    /** Rows whose key is strictly before {@code values}. */
    private Condition before(Object[] values) {
        if (key.size() == 1) {
            return compare(key.get(0), values[0], false, false);
        }
        return compare(key.get(0), values[0], false, true)
                .and(compare(key.get(0), values[0], false, false).or(compare(key.get(1), values[1], false, false)));
    }

    /** {@code field >= value}, {@code >}, {@code <=} or {@code <}. */
    private static <T> Condition compare(Field<T> field, Object value, boolean after, boolean orEqual) {
        Field<T> bound = DSL.val(value, field);
        if (after) {
            return orEqual ? field.ge(bound) : field.gt(bound);
        }
        return orEqual ? field.le(bound) : field.lt(bound);
    }

    /**
     * How to read a page: rows matching {@code from}, in ascending key order, skipping {@code
     * offset} (less than about the spacing) and taking {@code limit}; reversed afterwards when
     * {@code reverse}.
     */
    public record Window(Condition from, int offset, int limit, boolean reverse) {

        /** Rows read in ascending order, put in the order asked for. */
        public <T> List<T> arrange(List<T> rows) {
            if (!reverse) {
                return rows;
            }
            List<T> reversed = new ArrayList<>(rows);
            java.util.Collections.reverse(reversed);
            return reversed;
        }
    }

    /** The key of every {@code spacing}-th row (the first at rank {@code spacing}), of {@code total} rows with ids up to {@code maxId}. */
    private record Marks(List<Object[]> keys, long total, long maxId, Instant builtAt) {}

    private record Current(Marks marks, long since) {}
}
