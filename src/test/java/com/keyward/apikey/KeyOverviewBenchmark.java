package com.keyward.apikey;

import com.keyward.benchmark.QueryTimes;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Admin › API Keys' queries at a million users with five keys each (not a test: it prints figures).
 *
 * <pre>./mvnw test -Dtest=KeyOverviewBenchmark -Dkeyward.benchmark.users=1000000 -Dkeyward.benchmark.keys-per-user=5</pre>
 *
 * Seeds the users (the demo seeder's synthetic ones) and their keys inside MariaDB from its
 * sequence engine, unless they are there already (a kept database: add {@code
 * -Dkeyward.embedded-db.throwaway=false -Dkeyward.embedded-db.dir=/var/lib/keyward-bench}), then
 * times each query as the grid issues it (50 rows, newest first), median
 * of many runs after a warm-up.
 */
@SpringBootTest(
        properties = {
            "keyward.demo-data.synthetic-users=${keyward.benchmark.users:1000000}",
            // the production spacing of the paging index's marks (the tests' is 16)
            "keyward.paging.mark-spacing=1024",
            // no reminder job racing the seeding's insert
            "keyward.reminders.initial-delay=PT24H"
        })
class KeyOverviewBenchmark {

    private static final int PAGE = 50;
    private static final int WARMUP = 5;
    private static final int RUNS = 15;

    @Autowired
    ApiKeyOverviewRepository overview;

    @Autowired
    DSLContext dsl;

    @Test
    void overviewQueries() {
        int perUser = Integer.getInteger("keyward.benchmark.keys-per-user", 5);
        long seeding = System.nanoTime();
        long before = dsl.fetchCount(dsl.selectFrom("api_key"));
        long wanted = dsl.fetchCount(dsl.selectFrom("app_user")) * perUser;
        if (before < wanted) {
            seed(perUser);
        }
        Instant now = Instant.now();
        long indexing = System.nanoTime();
        overview.rebuildPagingIndex();
        double indexMillis = (System.nanoTime() - indexing) / 1e6;
        long total = overview.count(KeyFilter.NONE, now);
        long users = dsl.fetchCount(dsl.selectFrom("app_user"));
        System.out.printf(
                "%nseeded %,d keys (had %,d) in %.0f s; sparse paging index built in %.0f ms%n",
                total - before, before, (System.nanoTime() - seeding) / 1e9 - indexMillis / 1e3, indexMillis);

        KeyFilter expiring = new KeyFilter(null, null, null, 7, null);
        KeyFilter owner = new KeyFilter("user0042", null, null, null, null);
        long expiringTotal = overview.count(expiring, now);
        double first = median(() -> overview.page(KeyFilter.NONE, KeySort.CREATED, false, now, 0, PAGE)
                .size());
        double end =
                median(() -> overview.page(KeyFilter.NONE, KeySort.CREATED, false, now, (int) total - 2 * PAGE, PAGE)
                        .size());
        double middle = median(() -> overview.page(KeyFilter.NONE, KeySort.CREATED, false, now, (int) (total / 2), PAGE)
                .size());
        double filtered = median(() ->
                overview.page(expiring, KeySort.CREATED, false, now, 0, PAGE).size());
        double byOwner = median(
                () -> overview.page(owner, KeySort.OWNER, true, now, 0, PAGE).size());
        double count = median(() -> overview.count(KeyFilter.NONE, now));

        System.out.printf(
                "Admin › API Keys at %,d users, %,d keys (median of %d runs, %d rows a page)%n",
                users, total, RUNS, PAGE);
        QueryTimes.row("first page (newest first)", first, first);
        QueryTimes.row("page near the end", end, first);
        QueryTimes.row("page in the middle", middle, first);
        QueryTimes.row(
                "filtered: expiring within 7 days (" + String.format("%,d", expiringTotal) + ")", filtered, first);
        QueryTimes.row("filtered: owner starts with \"user0042\"", byOwner, first);
        QueryTimes.row("count, no filter", count, first);
        System.out.printf(
                "Goals: deep page <= 2x first -> %.2fx (end), %.2fx (middle); filtered <= 2x first -> %.2fx%n%n",
                end / first, middle / first, filtered / first);
    }

    /** Each user's keys and their API-set rows, made inside MariaDB from its sequence engine. */
    private void seed(int perUser) {
        dsl.execute("INSERT INTO api_key (owner_id, name, key_digest, hint, created_at, expires_at) "
                + "SELECT u.id, CONCAT('bench key ', s.seq), UNHEX(SHA2(CONCAT(u.id, '/', s.seq), 256)), "
                + "'kw_benc…hmrk', NOW(6) - INTERVAL (u.id % 300) DAY - INTERVAL s.seq MINUTE, "
                + "NOW(6) + INTERVAL ((u.id + s.seq) % 365 + 1) DAY "
                + "FROM app_user u JOIN seq_1_to_" + perUser + " s");
        dsl.execute("INSERT INTO api_key_set (api_key_id, api_set_code) SELECT id, 'ACCOUNT' FROM api_key WHERE id > "
                + "(SELECT COALESCE(MAX(api_key_id), 0) FROM api_key_set)");
    }

    private static double median(java.util.function.LongSupplier query) {
        return QueryTimes.median(query, WARMUP, RUNS);
    }
}
