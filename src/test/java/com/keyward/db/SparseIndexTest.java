package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.name;

import com.keyward.KeywardTest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sparse paging index gives exactly the rows that OFFSET gives, at every depth, in both
 * directions, before and after rows are inserted behind its back — on a real MariaDB, with its
 * collation deciding the order.
 */
@KeywardTest
class SparseIndexTest {

    private static final Table<?> PROBE = DSL.table(name("sparse_index_probe"));
    private static final Field<Long> ID = DSL.field(name("id"), Long.class);
    private static final Field<String> NAME = DSL.field(name("name"), String.class);
    private static final Field<LocalDateTime> MADE_AT = DSL.field(name("made_at"), LocalDateTime.class);
    private static final int SPACING = 16;
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 1, 0, 0);

    @Autowired
    DSLContext dsl;

    private final Random random = new Random(42);
    private final Set<String> names = new HashSet<>();

    @BeforeEach
    void probeTable() {
        dsl.execute("DROP TABLE IF EXISTS sparse_index_probe");
        dsl.execute("CREATE TABLE sparse_index_probe (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                + "name VARCHAR(64) NOT NULL, made_at DATETIME(6) NOT NULL, UNIQUE KEY uk_name (name), "
                + "KEY ix_made (made_at)) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
    }

    @Test
    void byNameEveryPageMatchesOffsetAlsoForRowsInsertedAfterTheMarks() {
        insert(500);
        SparseIndex index = new SparseIndex(dsl, "probe", PROBE, ID, List.of(NAME), SPACING, Clock.systemUTC());
        index.rebuild();

        assertSamePages(index, List.of(NAME.asc()), List.of(NAME.desc()), 500);

        // fewer than half a spacing: no rebuild, the marks' ranks are corrected by the new rows
        dsl.insertInto(PROBE, NAME, MADE_AT).values("000 first of all", START).execute();
        dsl.insertInto(PROBE, NAME, MADE_AT).values("zzz last of all", START).execute();
        dsl.insertInto(PROBE, NAME, MADE_AT).values("Ma middle", START).execute();
        insert(4);

        assertThat(index.total()).hasValue(507);
        assertSamePages(index, List.of(NAME.asc()), List.of(NAME.desc()), 507);
    }

    @Test
    void byTimeAndIdWithEqualTimesEveryPageMatchesOffsetInBothDirections() {
        insert(300);
        SparseIndex index = new SparseIndex(dsl, "probe", PROBE, ID, List.of(MADE_AT, ID), SPACING, Clock.systemUTC());
        index.rebuild();

        assertSamePages(index, List.of(MADE_AT.asc(), ID.asc()), List.of(MADE_AT.desc(), ID.desc()), 300);

        // a new row dated before most, and two at an existing time: the ties are broken by id
        dsl.insertInto(PROBE, NAME, MADE_AT)
                .values("early bird", START.minusDays(1))
                .execute();
        dsl.insertInto(PROBE, NAME, MADE_AT)
                .values("tie one", START.plusMinutes(7))
                .execute();
        dsl.insertInto(PROBE, NAME, MADE_AT)
                .values("tie two", START.plusMinutes(7))
                .execute();

        assertSamePages(index, List.of(MADE_AT.asc(), ID.asc()), List.of(MADE_AT.desc(), ID.desc()), 303);
    }

    @Test
    void aTableTooSmallForMarksIsLeftToOffset() {
        insert(SPACING);
        SparseIndex index = new SparseIndex(dsl, "probe", PROBE, ID, List.of(NAME), SPACING, Clock.systemUTC());
        index.rebuild();

        // past the first spacing, where marks would be used if there were enough rows for them
        assertThat(index.window(SPACING - 5, 10, true)).isEmpty();
        assertThat(index.total()).hasValue(SPACING);
    }

    private void assertSamePages(
            SparseIndex index, List<SortField<?>> ascending, List<SortField<?>> descending, int total) {
        assertThat(index.total()).hasValue(total);
        List<Integer> offsets = new ArrayList<>(List.of(0, 1, SPACING - 1, SPACING, SPACING + 1, 3 * SPACING + 5));
        offsets.addAll(List.of(total / 2, total - 51, total - 50, total - 7, total - 1, total, total + 3));
        for (int offset : offsets) {
            for (int limit : List.of(1, 7, 50)) {
                for (boolean up : List.of(true, false)) {
                    List<Long> expected = dsl.select(ID)
                            .from(PROBE)
                            .orderBy(up ? ascending : descending)
                            .limit(limit)
                            .offset(Math.max(0, offset))
                            .fetch(ID);
                    Optional<SparseIndex.Window> window = index.window(Math.max(0, offset), limit, up);
                    if (Math.max(0, offset) + limit <= SPACING) {
                        // the first pages of either order: OFFSET walks no further than from a mark
                        assertThat(window).as("a page at %d", offset).isEmpty();
                        continue;
                    }
                    assertThat(window).as("a window at %d", offset).isPresent();
                    SparseIndex.Window at = window.get();
                    assertThat(at.offset()).as("the walk past the mark").isLessThan(2 * SPACING);
                    List<Long> actual = at.arrange(dsl.select(ID)
                            .from(PROBE)
                            .where(at.from())
                            .orderBy(index.ascending())
                            .limit(at.limit())
                            .offset(at.offset())
                            .fetch(ID));
                    assertThat(actual)
                            .as("offset %d, limit %d, %s", offset, limit, up ? "ascending" : "descending")
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** Rows with unique, mixed-case, sometimes accented names, and times with many ties. */
    private void insert(int rows) {
        var insert = dsl.insertInto(PROBE, NAME, MADE_AT);
        for (int i = 0; i < rows; i++) {
            String name;
            do {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < 6; c++) {
                    char letter = (char) ('a' + random.nextInt(26));
                    text.append(random.nextBoolean() ? Character.toUpperCase(letter) : letter);
                }
                if (random.nextInt(5) == 0) {
                    text.append("é");
                }
                name = text.toString();
            } while (!names.add(name.toLowerCase(java.util.Locale.ROOT).replace('é', 'e')));
            insert = insert.values(name, START.plusMinutes(random.nextInt(rows / 3 + 1)));
        }
        insert.execute();
    }
}
