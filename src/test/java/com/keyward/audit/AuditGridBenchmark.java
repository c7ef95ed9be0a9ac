package com.keyward.audit;

import com.keyward.benchmark.QueryTimes;
import com.keyward.db.RowCount;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Admin › Audit's queries at five million events (not a test: it prints figures).
 *
 * <pre>./mvnw test -Dtest=AuditGridBenchmark [-Dkeyward.benchmark.events=5000000]</pre>
 *
 * Seeds the events inside MariaDB from its sequence engine (one a second, newest now; a tenth of
 * them key generations; actors {@code user00000}…{@code user09999}) unless a kept database has
 * them already ({@code -Dkeyward.embedded-db.throwaway=false -Dkeyward.embedded-db.dir=…}), then
 * times each query as the grid issues it (50 rows, newest first), median of many runs after a
 * warm-up.
 */
@SpringBootTest(
        properties = {
            // the production spacing of the paging index's marks (the tests' is 16)
            "keyward.paging.mark-spacing=1024",
            "keyward.reminders.initial-delay=PT24H"
        })
class AuditGridBenchmark {

    private static final int PAGE = 50;
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    @Autowired
    AuditRepository audit;

    @Autowired
    DSLContext dsl;

    @Test
    void gridQueries() {
        long wanted = Long.getLong("keyward.benchmark.events", 5_000_000);
        long seeding = System.nanoTime();
        long before = dsl.fetchCount(dsl.selectFrom("audit_event"));
        if (before < wanted) {
            dsl.execute("INSERT INTO audit_event (occurred_at, type, actor_username, target_username, details) "
                    + "SELECT NOW(6) - INTERVAL (" + wanted + " - seq) SECOND, "
                    + "IF(seq % 10 = 0, 'API_KEY_GENERATED', 'ROLE_ASSIGNED'), "
                    + "CONCAT('user', LPAD(seq % 10000, 5, '0')), CONCAT('user', LPAD(seq % 10000, 5, '0')), "
                    + "'benchmark' FROM seq_1_to_" + (wanted - before));
        }
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;
        long indexing = System.nanoTime();
        audit.rebuildPagingIndex();
        double indexMillis = (System.nanoTime() - indexing) / 1e6;
        long total = audit.count(AuditFilter.NONE);
        System.out.printf(
                "%nseeded %,d events (had %,d) in %.0f s; sparse paging index built in %.0f ms%n",
                total - before, before, seedSeconds, indexMillis);

        AuditFilter generations = new AuditFilter(AuditEventType.API_KEY_GENERATED, null, null, null, null);
        AuditFilter actor = new AuditFilter(null, "user0042", null, null, null);
        double first = median(() -> audit.findPage(AuditFilter.NONE, 0, PAGE).size());
        double middle = median(
                () -> audit.findPage(AuditFilter.NONE, (int) (total / 2), PAGE).size());
        double end = median(() ->
                audit.findPage(AuditFilter.NONE, (int) total - 2 * PAGE, PAGE).size());
        double byType = median(() -> audit.findPage(generations, 0, PAGE).size());
        double byActor = median(() -> audit.findPage(actor, 0, PAGE).size());
        double count = median(() -> audit.count(AuditFilter.NONE));
        long typeTotal = audit.count(generations);
        double typeCount = median(() -> audit.count(generations));
        RowCount estimate = audit.quickCount(generations);
        double quickCount = median(() -> audit.quickCount(generations).value());

        System.out.printf("Admin › Audit at %,d events (median of %d runs, %d rows a page)%n", total, RUNS, PAGE);
        QueryTimes.row("first page (newest first)", first, first);
        QueryTimes.row("page in the middle", middle, first);
        QueryTimes.row("page near the end", end, first);
        QueryTimes.row("filtered page: key generations (" + String.format("%,d", typeTotal) + ")", byType, first);
        QueryTimes.row("filtered page: actor starts with \"user0042\"", byActor, first);
        QueryTimes.row("count, no filter", count, first);
        QueryTimes.row("count, key generations", typeCount, first);
        QueryTimes.row(
                "quick count, key generations (" + (estimate.exact() ? "exact " : "about ")
                        + String.format("%,d", estimate.value()) + ")",
                quickCount,
                first);
        System.out.printf(
                "Goals: any page <= 2x first -> %.2fx (middle), %.2fx (end); the grid waits only for the quick"
                        + " count -> %.1f ms (estimate %.2fx the exact %,d)%n%n",
                middle / first, end / first, quickCount, estimate.value() / (double) typeTotal, typeTotal);
    }

    private static double median(java.util.function.LongSupplier query) {
        return QueryTimes.median(query, WARMUP, RUNS);
    }
}
