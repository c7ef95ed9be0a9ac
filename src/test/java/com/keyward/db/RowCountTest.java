package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.name;

import com.keyward.KeywardTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The quick count a grid shows at once: MariaDB's estimate for large matches, exact for small ones. */
@KeywardTest
class RowCountTest {

    private static final Table<?> PROBE = DSL.table(name("row_count_probe"));
    private static final Field<Integer> GROUP = DSL.field(name("grp"), Integer.class);

    @Autowired
    DSLContext dsl;

    private final AtomicInteger exactCounts = new AtomicInteger();

    @BeforeEach
    void fill() {
        dsl.execute("CREATE TABLE row_count_probe (id INT PRIMARY KEY, grp INT NOT NULL, KEY ix_grp (grp))");
        // 100,000 rows: group 0 holds 60,000 of them, groups 1..40 1,000 each
        dsl.execute("INSERT INTO row_count_probe (id, grp) SELECT seq, IF(seq <= 60000, 0, 1 + seq % 40)"
                + " FROM seq_1_to_100000");
        dsl.execute("ANALYZE TABLE row_count_probe");
    }

    @AfterEach
    void drop() {
        dsl.execute("DROP TABLE row_count_probe");
    }

    @Test
    void aLargeMatchIsEstimatedWithoutCountingAndRoundedToTwoDigits() {
        RowCount count = RowCount.quick(dsl, PROBE, GROUP.eq(0), () -> countExactly(0));

        assertThat(count.exact()).isFalse();
        assertThat(count.value()).isBetween(30_000L, 120_000L);
        assertThat(count.value() % 1000).as("two significant digits").isZero();
        assertThat(exactCounts).as("no exact count on the grid's way").hasValue(0);
    }

    @Test
    void aSmallMatchIsCountedExactlyAtOnce() {
        RowCount count = RowCount.quick(dsl, PROBE, GROUP.eq(7), () -> countExactly(7));

        assertThat(count).isEqualTo(RowCount.exact(1_000));
        assertThat(exactCounts).hasValue(1);
    }

    @Test
    void estimatesKeepTwoSignificantDigits() {
        assertThat(RowCount.roughly(99_770)).isEqualTo(100_000);
        assertThat(RowCount.roughly(62_500)).isEqualTo(63_000);
        assertThat(RowCount.roughly(12_345)).isEqualTo(12_000);
        assertThat(RowCount.roughly(4_990_000)).isEqualTo(5_000_000);
    }

    private long countExactly(int group) {
        exactCounts.incrementAndGet();
        return dsl.fetchCount(PROBE, GROUP.eq(group));
    }
}
