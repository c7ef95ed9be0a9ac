package com.keyward.user;

import com.keyward.benchmark.QueryTimes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The User Management grid's queries at a million users (not a test: it prints figures).
 *
 * <pre>./mvnw test -Dtest=UserGridBenchmark -Dkeyward.benchmark.users=1000000</pre>
 *
 * Seeds the synthetic users into a throwaway embedded MariaDB, then times each query as the grid
 * issues it (50 rows, total already counted), median of many runs after a warm-up.
 */
@SpringBootTest(
        properties = {
            "keyward.demo-data.synthetic-users=${keyward.benchmark.users:1000000}",
            // the production spacing of the paging index's marks (the tests' is 16)
            "keyward.paging.mark-spacing=1024"
        })
class UserGridBenchmark {

    private static final int PAGE = 50;
    private static final int WARMUP = 20;
    private static final int RUNS = 60;

    @Autowired
    UserRepository users;

    @Test
    void gridQueries() {
        long indexing = System.nanoTime();
        users.rebuildPagingIndex();
        System.out.printf("%nsparse paging index built in %.0f ms%n", (System.nanoTime() - indexing) / 1e6);
        long total = users.count(UserFilter.NONE);
        UserFilter filtered = new UserFilter("zoë", null);
        long filteredTotal = users.count(filtered);

        double first = median(() -> users.findPage(UserFilter.NONE, UserSort.USERNAME, true, 0, PAGE, total)
                .size());
        double deep = median(
                () -> users.findPage(UserFilter.NONE, UserSort.USERNAME, true, (int) total - 2 * PAGE, PAGE, total)
                        .size());
        double middle = median(
                () -> users.findPage(UserFilter.NONE, UserSort.USERNAME, true, (int) (total / 2) - PAGE, PAGE, total)
                        .size());
        double filter = median(() -> users.findPage(filtered, UserSort.USERNAME, true, 0, PAGE, filteredTotal)
                .size());
        double byName =
                median(() -> users.findPage(UserFilter.NONE, UserSort.NAME, true, (int) total - 2 * PAGE, PAGE, total)
                        .size());
        double count = median(() -> users.count(UserFilter.NONE));
        double filteredCount = median(() -> users.count(filtered));
        com.keyward.db.RowCount estimate = users.quickCount(filtered);
        double quickCount = median(() -> users.quickCount(filtered).value());

        System.out.printf(
                "%nUser Management grid at %,d users (median of %d runs, %d rows a page)%n", total, RUNS, PAGE);
        QueryTimes.row("first page (username order)", first, first);
        QueryTimes.row("page near the end (username order)", deep, first);
        QueryTimes.row("filtered page (\"zoë\", " + String.format("%,d", filteredTotal) + " matches)", filter, first);
        QueryTimes.row("page in the middle (username order)", middle, first);
        QueryTimes.row("page near the end (name order)", byName, first);
        QueryTimes.row("count, no filter", count, first);
        QueryTimes.row("count, filtered", filteredCount, first);
        QueryTimes.row(
                "quick count, filtered (" + (estimate.exact() ? "exact " : "about ")
                        + String.format("%,d", estimate.value()) + ")",
                quickCount,
                first);
        System.out.printf(
                "Goals: near the end <= 2x first -> %.2fx; middle <= 2x first -> %.2fx; filtered <= 5x first -> %.2fx;"
                        + " the grid waits only for the quick count -> %.1f ms (estimate %.2fx the exact %,d)%n%n",
                deep / first,
                middle / first,
                filter / first,
                quickCount,
                estimate.value() / (double) filteredTotal,
                filteredTotal);
    }

    private static double median(java.util.function.LongSupplier query) {
        return QueryTimes.median(query, WARMUP, RUNS);
    }
}
