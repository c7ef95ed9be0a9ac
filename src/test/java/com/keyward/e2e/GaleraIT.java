package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.keyward.ApiStatus;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Keyward on a three-node MariaDB Galera cluster (deploy/galera/galera.sh): node A writes through
 * Galera node 1, node B through Galera node 2, each failing over to the others. One person's key
 * limit holds when both write at once; a revoke on one reaches the other; a Galera node killed
 * under load costs no failed request, and rejoins and serves again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraIT extends BrowserTest {

    private static final String DANA = "(SELECT id FROM app_user WHERE username = 'dana')";

    /** Connections per Keyward node. */
    private static final int POOL = 30;

    static GaleraCluster galera;
    static KeywardProcess nodeA;
    static KeywardProcess nodeB;
    static Nginx nginx;
    static GreenMail smtp;

    @BeforeAll
    static void twoNodesOnThreeGaleraNodes() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        long started = System.nanoTime();
        galera = GaleraCluster.start();
        System.out.printf("three-node Galera cluster synced in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        nodeA = KeywardProcess.start(node("node-a", galera.jdbcUrl(1, 2, 3)), KeywardProcess.started());
        nodeB = KeywardProcess.start(node("node-b", galera.jdbcUrl(2, 1, 3)), KeywardProcess.started());
        nginx = Nginx.inFrontOf(nodeA.port(), nodeB.port());
    }

    private static Map<String, String> node(String name, String jdbcUrl) {
        return Map.ofEntries(
                Map.entry("KEYWARD_NODE_NAME", name),
                Map.entry("SPRING_MAIL_HOST", "127.0.0.1"),
                Map.entry("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())),
                // both nodes try the reminder job every second; the job lock (ShedLock) lets one at a time
                Map.entry("KEYWARD_REMINDERS_INTERVAL", "PT1S"),
                Map.entry("KEYWARD_REMINDERS_INITIAL_DELAY", "PT1S"),
                Map.entry("KEYWARD_TRUSTED_PROXIES", "127\\.0\\.0\\.1"),
                Map.entry("KEYWARD_DEMO_DATA_ENABLED", "true"),
                Map.entry("KEYWARD_DEMO_USERS", "20"),
                // ten generations at once on one node for one person: each holds a connection while it
                // waits for the account row, and the one holding the row may ask for a second connection
                // (the actor's fresh state, for the audit entry) from a pool of ten, which all ten hold.
                // With the production pool this starved ('cannot reach its database') in 2 of 3 runs here:
                // a pool twice the writers keeps the test on Galera's conflicts; the starvation itself is
                // a defect left for issue 31 (bounded waits), named in the closing note of issue 30
                Map.entry("KEYWARD_DB_POOL_SIZE", String.valueOf(POOL)),
                // usage reaches the database every second; connections are renewed every 30 s (failback)
                Map.entry("KEYWARD_API_LAST_USED_FLUSH_MS", "1000"),
                Map.entry("KEYWARD_DB_MAX_LIFETIME", "30000"),
                Map.entry("KEYWARD_DB_CONNECTION_TIMEOUT", "5000"),
                Map.entry("SPRING_DATASOURCE_URL", jdbcUrl),
                Map.entry("SPRING_DATASOURCE_USERNAME", galera.username()),
                Map.entry("SPRING_DATASOURCE_PASSWORD", galera.password()));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (KeywardProcess node : new KeywardProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (galera != null) {
            galera.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Override
    protected String url(String path) {
        return nodeA.url(path);
    }

    @Test
    @Order(0)
    void theMigrationsRanOnceAndEveryNodeHasEveryTableWithAPrimaryKey() throws Exception {
        long migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
        for (int n = 1; n <= GaleraCluster.NODES; n++) {
            assertThat(galera.query(n, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"))
                    .as("migrations applied, as node %d has them", n)
                    .isEqualTo(String.valueOf(migrations));
            assertThat(galera.query(n, """
                            SELECT COUNT(*) FROM information_schema.tables t
                            WHERE t.table_schema = 'keyward' AND t.table_type = 'BASE TABLE'
                              AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                                              WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                                AND c.constraint_type = 'PRIMARY KEY')"""))
                    .as("tables without a primary key on node %d", n)
                    .isEqualTo("0");
        }
        System.out.printf("%d migrations, applied once, on all %d nodes%n", migrations, GaleraCluster.NODES);
    }

    @Test
    @Order(1)
    void twentyGenerationsAtOnceThroughTwoNodesGiveExactlyTheLimitOfFiveKeys() throws Exception {
        galera.update(1, "UPDATE api_key SET revoked_at = NOW(6) WHERE owner_id = " + DANA + " AND revoked_at IS NULL");
        galera.update(
                1,
                "INSERT INTO role_limit (role_id, limit_code, limit_value) SELECT role_id, 'MAX_ACTIVE_API_KEYS', 5"
                        + " FROM user_role WHERE user_id = " + DANA
                        + " ON DUPLICATE KEY UPDATE limit_value = 5");
        long[] conflictsBefore = conflicts();

        // twenty browsers, each its own session, ten on each node, each with a filled New API Key window
        List<BrowserContext> browsers = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        List<String> serverErrors = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                KeywardProcess node = i % 2 == 0 ? nodeA : nodeB;
                BrowserContext browser = newContext();
                browsers.add(browser);
                Page at = browser.newPage();
                at.onResponse(response -> {
                    if (response.status() >= 500) {
                        serverErrors.add(response.status() + " " + response.url());
                    }
                });
                at.navigate(node.url("/login"));
                at.getByLabel("Username").fill("dana");
                at.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                        .fill("dana");
                at.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                        .click();
                at.locator("vaadin-app-layout").waitFor();
                at.navigate(node.url("/account"));
                at.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                        .click();
                Locator newKey = at.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
                newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                        .fill("At once " + i);
                newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Account API"))
                        .dblclick();
                pages.add(at);
            }

            // every Finish clicked at the same instant, by each page's own timer
            long at = System.currentTimeMillis() + 1500;
            for (Page each : pages) {
                each.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish"))
                        .evaluate("(button, at) => setTimeout(() => button.click(), at - Date.now())", (double) at);
            }

            int generated = 0;
            int refused = 0;
            String limit = "You already have 5 active API keys, the most your roles allow.";
            for (Page each : pages) {
                Locator savedKey = each.getByRole(
                                AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"))
                        .locator("#generated-key input");
                Locator refusal = each.getByText(limit);
                try {
                    assertThat(savedKey.or(refusal))
                            .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
                } catch (AssertionError none) {
                    each.screenshot(new Page.ScreenshotOptions()
                            .setPath(SCREENSHOTS.resolve("galera-generation-" + pages.indexOf(each) + ".png")));
                    throw new AssertionError(
                            "page " + pages.indexOf(each) + " shows neither a key nor the limit: "
                                    + each.locator("vaadin-dialog-overlay, vaadin-notification-card")
                                            .allInnerTexts(),
                            none);
                }
                if (savedKey.isVisible()) {
                    assertThat(savedKey).hasValue(Pattern.compile("kw_.+"));
                    generated++;
                } else {
                    refused++;
                }
            }
            long[] conflictsAfter = conflicts();
            System.out.printf(
                    "20 generations at once for dana (limit 5), 10 via node A / Galera node 1, 10 via node B /"
                            + " Galera node 2: %d keys, %d refused with the limit message, %d answers >= 500;"
                            + " Galera certification failures %d, brute-force aborts %d (each tried again)%n",
                    generated,
                    refused,
                    serverErrors.size(),
                    conflictsAfter[0] - conflictsBefore[0],
                    conflictsAfter[1] - conflictsBefore[1]);
            assertThat(serverErrors).isEmpty();
            assertThat(generated).isEqualTo(5);
            assertThat(refused).isEqualTo(15);
            for (int n = 1; n <= GaleraCluster.NODES; n++) {
                assertThat(galera.query(
                                n,
                                "SELECT COUNT(*) FROM api_key WHERE owner_id = " + DANA
                                        + " AND revoked_at IS NULL AND name LIKE 'At once %'"))
                        .as("dana's active keys on Galera node %d", n)
                        .isEqualTo("5");
            }
        } finally {
            browsers.forEach(BrowserContext::close);
            galera.update(
                    1, "UPDATE api_key SET revoked_at = NOW(6) WHERE owner_id = " + DANA + " AND revoked_at IS NULL");
        }
    }

    /** Certification failures and brute-force aborts, summed over the nodes. */
    private static long[] conflicts() throws Exception {
        long certification = 0;
        long aborts = 0;
        for (int n = 1; n <= GaleraCluster.NODES; n++) {
            certification += Long.parseLong(galera.status(n, "wsrep_local_cert_failures"));
            aborts += Long.parseLong(galera.status(n, "wsrep_local_bf_aborts"));
        }
        return new long[] {certification, aborts};
    }

    @Test
    @Order(2)
    void bothNodesRunTheReminderJobEverySecondAndTheJobLockHoldsOnGaleraOneMail() throws Exception {
        signIn("dana", "dana");
        page.navigate(url("/account"));
        String key = generateAccountApiKey("Expiring on Galera");
        galera.update(2, "UPDATE api_key SET expires_at = NOW(6) + INTERVAL 5 DAY WHERE name = 'Expiring on Galera'");
        Eventually.value(java.time.Duration.ofSeconds(30), GaleraIT::mailsToDana, sent -> sent > 0, "a reminder mail");
        // the job goes on running (every second on each node, one at a time by its lock): five more
        // runs after the mail, each a new locked_at, any of which would have mailed again
        java.util.Set<String> runs = new java.util.HashSet<>();
        Eventually.value(
                java.time.Duration.ofSeconds(30),
                () -> {
                    runs.add(galera.query(1, "SELECT locked_at FROM shedlock WHERE name = 'key-reminders'"));
                    return runs.size();
                },
                seen -> seen > 5,
                "five more runs of the reminder job");
        long mails = mailsToDana();
        System.out.printf(
                "reminder mails to dana after %d more runs of the job by two nodes on two Galera nodes: %d%n",
                runs.size() - 1, mails);
        assertThat(mails).isEqualTo(1);
        assertThat(java.util.stream.Stream.of(smtp.getReceivedMessages())
                        .map(GreenMailUtil::getBody)
                        .filter(body -> body.contains("Expiring on Galera")))
                .singleElement()
                .satisfies(body -> assertThat(body).doesNotContain(key));
        galera.update(1, "UPDATE api_key SET revoked_at = NOW(6) WHERE name = 'Expiring on Galera'");
    }

    private static long mailsToDana() {
        return java.util.stream.Stream.of(smtp.getReceivedMessages())
                .filter(message -> GreenMailUtil.getAddressList(assertDoesNotThrow(() -> message.getAllRecipients()))
                        .contains("dana@keyward.example"))
                .count();
    }

    @Test
    @Order(3)
    void aKeyRevokedOnNodeAIsRefusedOnNodeBWithinFiveSeconds() throws Exception {
        signIn("dana", "dana");
        page.navigate(url("/account"));
        String key = generateAccountApiKey("Across the cluster");
        assertThat(ApiStatus.of(nodeB.url(""), key)).isEqualTo(200);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Across the cluster"))
                .click();
        page.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        assertThat(page.getByText("API key \"Across the cluster\" revoked.")).isVisible();
        long revoked = System.nanoTime();
        assertThat(ApiStatus.within5s(nodeB.url(""), key, 401)).isEqualTo(401);
        System.out.printf(
                "revoked on node A (Galera node 1), refused by node B (Galera node 2) after %d ms%n",
                (System.nanoTime() - revoked) / 1_000_000);
    }

    @Test
    @Order(4)
    void aGaleraNodeKilledUnderLoadCostsNoFailedRequestAndRejoinsAndServesAgain() throws Exception {
        signIn("dana", "dana");
        page.navigate(url("/account"));
        String key = generateAccountApiKey("Under load");

        // node 1 (node A's) dies under load: node A fails over to node 2
        System.out.printf("Keyward's connections per Galera node before the kill: %s%n", connectionsPerNode());
        Load first = Load.start(nginx.url("/api/v1/account"), key, 20);
        Eventually.value(Duration.ofSeconds(15), () -> calls(2), calls -> calls >= 500, "500 calls under load");
        galera.kill(1);
        long killed = System.nanoTime();
        String firstRun = first.finish();
        System.out.printf("Galera node 1 killed under load; wrk through nginx to both Keyward nodes:%n%s%n", firstRun);
        System.out.printf("non-2xx answers and socket errors: %d%n", Load.failed(firstRun));
        assertThat(Load.failed(firstRun))
                .as("non-2xx answers and socket errors")
                .isZero();
        assertThat(galera.status(2, "wsrep_cluster_size")).isEqualTo("2");
        System.out.printf("connections per Galera node after the failover: %s%n", connectionsPerNode());

        long joining = System.nanoTime();
        galera.join(1);
        System.out.printf(
                "node 1 rejoined and synced %d ms after its start (%d ms after it was killed): %s%n",
                (System.nanoTime() - joining) / 1_000_000, (System.nanoTime() - killed) / 1_000_000, transferIn(1));
        assertThat(galera.status(1, "wsrep_local_state_comment")).isEqualTo("Synced");
        assertThat(galera.status(1, "wsrep_cluster_size")).isEqualTo("3");
        // every call answered under load was counted, and node 1 has what was written while it was away
        long answered = Load.requests(firstRun);
        long counted = Eventually.value(
                Duration.ofSeconds(20), () -> calls(2), calls -> calls >= answered, "every answered call counted");
        Eventually.value(Duration.ofSeconds(10), () -> calls(1), calls -> calls == calls(2), "node 1 caught up");
        System.out.printf("calls answered under load: %d, counted on node 1 and node 2: %d%n", answered, counted);

        // failback: node A's connections are renewed (KEYWARD_DB_MAX_LIFETIME, 30 s here) and go back to
        // node 1, the first server of its URL, once the driver stops avoiding it (60 s after the failure)
        long rejoined = System.nanoTime();
        String back = Eventually.value(
                Duration.ofSeconds(150),
                GaleraIT::connectionsPerNode,
                perNode -> keywardConnections(1) >= POOL,
                "all of node A's pool back on Galera node 1");
        System.out.printf(
                "connections per Galera node %d s after node 1 rejoined: %s%n",
                (System.nanoTime() - rejoined) / 1_000_000_000, back);

        // node 2 (node B's) dies under load: node B fails over to node 1, which serves both again
        long before = calls(1);
        Load second = Load.start(nginx.url("/api/v1/account"), key, 20);
        Eventually.value(Duration.ofSeconds(15), () -> calls(1), calls -> calls >= before + 500, "500 more calls");
        galera.kill(2);
        String secondRun = second.finish();
        System.out.printf("Galera node 2 killed under load; both Keyward nodes on node 1 now:%n%s%n", secondRun);
        System.out.printf("non-2xx answers and socket errors: %d%n", Load.failed(secondRun));
        assertThat(Load.failed(secondRun))
                .as("non-2xx answers and socket errors")
                .isZero();
        long answeredTwice = answered + Load.requests(secondRun);
        Eventually.value(
                Duration.ofSeconds(20), () -> calls(1), calls -> calls >= answeredTwice, "every answered call counted");
        Eventually.value(Duration.ofSeconds(10), () -> calls(3), calls -> calls == calls(1), "node 3 caught up");
        galera.join(2);
        assertThat(galera.status(2, "wsrep_cluster_size")).isEqualTo("3");
    }

    /** The calls counted for the key made under load, as node {@code n} has them. */
    private static long calls(int n) throws Exception {
        String sum = galera.query(
                n,
                "SELECT COALESCE(SUM(calls), 0) FROM api_key_usage_day WHERE api_key_id ="
                        + " (SELECT id FROM api_key WHERE name = 'Under load')");
        return sum == null ? 0 : Long.parseLong(sum);
    }

    /** Keyward's connections (user keyward, not this test's own) in node {@code n}'s processlist; -1 if it is down. */
    private static int keywardConnections(int n) {
        try {
            return Integer.parseInt(galera.query(
                    n,
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'keyward'"
                            + " AND ID <> CONNECTION_ID()"));
        } catch (Exception down) {
            return -1;
        }
    }

    private static String connectionsPerNode() {
        return java.util.stream.IntStream.rangeClosed(1, GaleraCluster.NODES)
                .mapToObj(n -> "node " + n + ": " + (keywardConnections(n) < 0 ? "down" : keywardConnections(n)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** How node n caught up since its last start, from its log: IST or SST. */
    private static String transferIn(int n) throws Exception {
        String log = galera.log(n);
        String sinceStart = log.substring(Math.max(0, log.lastIndexOf("Starting MariaDB")));
        if (sinceStart.contains("IST received")) {
            return "by IST (incremental state transfer)";
        }
        return sinceStart.contains("SST") ? "by SST (full state transfer)" : "state transfer not found in its log";
    }

    /** wrk (Debian's package) in the background: -t2 -c8 for a number of seconds, with the key. */
    private record Load(Process process, Path output) {

        static Load start(String url, String key, int seconds) throws Exception {
            Path output = Files.createTempFile("keyward-wrk-", ".txt");
            Process process = new ProcessBuilder(
                            "wrk",
                            "-t2",
                            "-c8",
                            "-d" + seconds + "s",
                            "--timeout",
                            "10s",
                            "-H",
                            "X-Api-Key: " + key,
                            url)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new Load(process, output);
        }

        String finish() throws Exception {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + Files.readString(output));
            }
            return Files.readString(output);
        }

        /** The answers wrk received ("N requests in 20.0s"). */
        static long requests(String output) {
            Matcher requests = Pattern.compile("(\\d+) requests in").matcher(output);
            if (!requests.find()) {
                throw new IllegalStateException("no request count in wrk's output:\n" + output);
            }
            return Long.parseLong(requests.group(1));
        }

        /** Non-2xx (and 3xx) answers plus socket errors wrk counted. */
        static long failed(String output) {
            long failed = 0;
            Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
            if (non2xx.find()) {
                failed += Long.parseLong(non2xx.group(1));
            }
            Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                    .matcher(output);
            if (socket.find()) {
                for (int group = 1; group <= 4; group++) {
                    failed += Long.parseLong(socket.group(group));
                }
            }
            return failed;
        }
    }
}
