package com.keyward.benchmark;

import com.keyward.KeywardApplication;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.NewApiKey;
import com.keyward.e2e.GaleraCluster;
import com.keyward.security.Authorities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keyward on a three-node Galera cluster against one server of the same MariaDB package and
 * settings (deploy/galera/galera.sh start and single), in the same run: API throughput (wrk on the
 * Account API with a valid key) and key generations per second (through ApiKeyService, four
 * threads: four people, then one person on all four). After a warm-up round that is not recorded, rounds alternate the order (one server,
 * Galera, Galera, one server, ...; {@code -Dkeyward.benchmark.rounds} of each, 2 by default). Keyward runs in this JVM, connected to Galera node 1 first. Not part
 * of the build (its name is not *Test):
 *
 * <pre>apt-get install -y mariadb-server galera-4 rsync wrk; ./mvnw test -Dtest=GaleraBenchmark</pre>
 */
class GaleraBenchmark {

    private static final int SECONDS = Integer.getInteger("keyward.benchmark.seconds", 10);
    private static final int THREADS = 4;
    private static final int PAIRS = Integer.getInteger("keyward.benchmark.rounds", 2);

    record Figures(double apiPerSecond, double generationsApart, double generationsOnePerson) {}

    @Test
    void galeraAgainstOneServer() throws Exception {
        try (GaleraCluster one = GaleraCluster.singleServer();
                GaleraCluster galera = GaleraCluster.start()) {
            Map<String, List<Figures>> results = new LinkedHashMap<>();
            String single = "one server";
            String cluster = "Galera, 3 nodes";
            List<String> order = new ArrayList<>();
            for (int pair = 0; pair < PAIRS; pair++) {
                order.addAll(pair % 2 == 0 ? List.of(single, cluster) : List.of(cluster, single));
            }
            // a whole round first, not recorded: the JIT warms up in the first context this JVM runs
            System.out.printf("warm-up, not recorded: %s%n", measure(one.jdbcUrl(0), one));
            for (String backend : order) {
                Figures figures = backend.equals(single)
                        ? measure(one.jdbcUrl(0), one)
                        : measure(galera.jdbcUrl(1, 2, 3), galera);
                System.out.printf("%s: %s%n", backend, figures);
                results.computeIfAbsent(backend, ignored -> new ArrayList<>()).add(figures);
            }
            Figures base = mean(results.get(single));
            Figures galeraMean = mean(results.get(cluster));
            System.out.printf(
                    "%nKeyward on MariaDB 10.11 (Debian), one server vs a three-node Galera cluster on loopback,"
                            + " %d rounds each, %d s per figure%n",
                    PAIRS, SECONDS);
            System.out.printf("%-52s %14s %14s %8s%n", "", single, cluster, "ratio");
            row("API: GET /api/v1/account, wrk -t2 -c8 (req/s)", base.apiPerSecond(), galeraMean.apiPerSecond());
            row("generations/s, 4 threads, 4 people", base.generationsApart(), galeraMean.generationsApart());
            row("generations/s, 4 threads, 1 person", base.generationsOnePerson(), galeraMean.generationsOnePerson());
        }
    }

    private static void row(String what, double base, double galera) {
        System.out.printf("%-52s %14.1f %14.1f %8.2f%n", what, base, galera, galera / base);
    }

    private static Figures mean(List<Figures> runs) {
        return new Figures(
                runs.stream().mapToDouble(Figures::apiPerSecond).average().orElseThrow(),
                runs.stream().mapToDouble(Figures::generationsApart).average().orElseThrow(),
                runs.stream()
                        .mapToDouble(Figures::generationsOnePerson)
                        .average()
                        .orElseThrow());
    }

    private static Figures measure(String jdbcUrl, GaleraCluster database) throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(KeywardApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + jdbcUrl,
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            TestAccounts accounts = app.getBean(TestAccounts.class);
            ApiKeyService keys = app.getBean(ApiKeyService.class);
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            List<String> people = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String person =
                        accounts.create("bench", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
                jdbc.update(
                        "INSERT INTO role_limit (role_id, limit_code, limit_value) VALUES (?, 'MAX_ACTIVE_API_KEYS', 1000000)",
                        accounts.roleOf(person));
                people.add(person);
            }
            generations(accounts, keys, people, 3); // warm-up
            double apart = generations(accounts, keys, people, SECONDS);
            double together = generations(accounts, keys, List.of(people.getFirst()), SECONDS);

            String key = accounts.keyOf(people.getFirst(), "ACCOUNT").key();
            String url = "http://127.0.0.1:" + port + "/api/v1/account";
            java.util.function.Function<String, List<String>> wrk =
                    duration -> List.of("wrk", "-t2", "-c8", "-d" + duration, "-H", "X-Api-Key: " + key, url);
            Wrk.requestsPerSecond(wrk.apply("5s"));
            double api = Wrk.requestsPerSecond(wrk.apply(SECONDS + "s"));
            return new Figures(api, apart, together);
        } finally {
            app.close();
        }
    }

    /** Keys generated per second by THREADS threads, thread i as people[i % people]. */
    private static double generations(TestAccounts accounts, ApiKeyService keys, List<String> people, int seconds)
            throws InterruptedException {
        AtomicLong generated = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String person = people.get(t % people.size());
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                accounts.signInAs(person);
                try {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        keys.generate(new NewApiKey(
                                "bench " + thread + " " + i + " " + System.nanoTime(),
                                null,
                                Set.of("ACCOUNT"),
                                Instant.now().plus(Duration.ofDays(30))));
                        generated.incrementAndGet();
                    }
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return generated.get() / (double) seconds;
    }
}
