package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.keyward.ApiStatus;
import com.keyward.db.ExternalMariaDb;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Keyward as it runs for real: two processes on one MariaDB behind Debian's nginx with the
 * repository's deploy/nginx/keyward.conf, mailing through an in-process SMTP server. Both run the
 * reminder job, and a key's owner gets one mail; a revoke on one node reaches the other; the
 * database away for 45 s costs no hang, no redirect and nothing half-made; a lost node costs a
 * sign-in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT extends BrowserTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static ExternalMariaDb database;
    static KeywardProcess nodeA;
    static KeywardProcess nodeB;
    static Nginx nginx;
    static GreenMail smtp;

    @BeforeAll
    static void twoNodesBehindNginx() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        database = ExternalMariaDb.start();
        nodeA = KeywardProcess.start(node("node-a"), KeywardProcess.started());
        nodeB = KeywardProcess.start(node("node-b"), KeywardProcess.started());
        nginx = Nginx.inFrontOf(nodeA.port(), nodeB.port());
    }

    private static Map<String, String> node(String name) {
        return Map.ofEntries(
                Map.entry("SPRING_MAIL_HOST", "127.0.0.1"),
                Map.entry("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())),
                // both nodes try the reminder job every second; the job lock lets one at a time
                Map.entry("KEYWARD_REMINDERS_INTERVAL", "PT1S"),
                Map.entry("KEYWARD_REMINDERS_INITIAL_DELAY", "PT1S"),
                Map.entry("KEYWARD_NODE_NAME", name),
                Map.entry("KEYWARD_TRUSTED_PROXIES", "127\\.0\\.0\\.1"),
                Map.entry("KEYWARD_DEMO_DATA_ENABLED", "true"),
                Map.entry("KEYWARD_DEMO_USERS", "20"),
                Map.entry("SPRING_DATASOURCE_URL", database.jdbcUrl()),
                Map.entry("SPRING_DATASOURCE_USERNAME", database.username()),
                Map.entry("SPRING_DATASOURCE_PASSWORD", database.password()));
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
        if (database != null) {
            database.stopAndDelete();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Override
    protected String url(String path) {
        return nginx.url(path);
    }

    @Test
    @Order(0)
    void aKeyExpiringInFiveDaysRingsTheBellAndIsMailedOnceThoughBothNodesRunTheJob() throws Exception {
        String key = danasNewKey("Expiring soon");
        database.update("UPDATE api_key SET expires_at = NOW(6) + INTERVAL 5 DAY WHERE name = 'Expiring soon'");

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mailsTo("dana@keyward.example").isEmpty() && System.nanoTime() < deadline) {
            pause(200);
        }
        // both nodes keep running the job every second for a while longer
        pause(5000);
        List<MimeMessage> mails = mailsTo("dana@keyward.example");
        assertThat(mails).hasSize(1);
        String body = mails.getFirst().getContent().toString();
        assertThat(body).contains("Expiring soon").doesNotContain(key);
        System.out.printf("reminder mails to dana after two nodes ran the job every second: %d%n", mails.size());

        page.navigate(url("/account"));
        Locator bell = page.locator("#reminder-bell");
        assertThat(bell).hasAttribute("aria-label", "Key reminders: 1 unread");
        assertThat(page.locator(".expires-soon")).containsText("Expires in 5 days");
        bell.click();
        assertThat(page.locator(".reminder-list")).containsText("expires in 5 days");
        page.keyboard().press("Escape");
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Stream.of(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Stream.of(message.getAllRecipients())
                                .anyMatch(to -> to.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    @Order(1)
    void aKeyRevokedOnOneNodeIsRefusedThroughTheOtherWithinFiveSeconds() throws Exception {
        String key = danasNewKey("Two nodes");
        KeywardProcess home = sessionNode(context);
        KeywardProcess other = home == nodeA ? nodeB : nodeA;
        assertThat(ApiStatus.of(other.url(""), key)).isEqualTo(200);
        assertThat(ApiStatus.of(nginx.url(""), key)).isEqualTo(200);

        revoke("Two nodes");
        assertThat(page.getByText("API key \"Two nodes\" revoked.")).isVisible();
        long revoked = System.nanoTime();

        assertThat(ApiStatus.within5s(other.url(""), key, 401)).isEqualTo(401);
        System.out.printf(
                "revoked on %s, refused by the other node after %d ms%n",
                home == nodeA ? "node-a" : "node-b", (System.nanoTime() - revoked) / 1_000_000);
        assertThat(ApiStatus.of(nginx.url(""), key)).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theDatabaseAwayFor45SecondsCostsNoHangNoRedirectAndNothingHalfMade() throws Exception {
        String key = danasNewKey("Through the outage");

        List<long[]> answers = new CopyOnWriteArrayList<>(); // at, status, millis, problem+json with Retry-After
        List<long[]> readiness = new CopyOnWriteArrayList<>(); // at, status
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                answers.add(call(key));
                pause(200);
            }
        });
        Thread probe = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                long at = System.nanoTime();
                readiness.add(new long[] {at, nodeA.status("/actuator/health/readiness")});
                pause(100);
            }
        });

        pause(2000);
        long stopped = System.nanoTime();
        database.stop();
        try {
            whileTheDatabaseIsAway();
        } catch (AssertionError | RuntimeException failed) {
            running.set(false);
            throw failed;
        } finally {
            pause(45_000 - (System.nanoTime() - stopped) / 1_000_000);
            database.startAgain();
        }
        long back = System.nanoTime();
        assertThat(page.locator(".database-banner")).isHidden();
        pause(4000);
        running.set(false);
        load.join();
        probe.join();

        // every API answer: 200, or 503 problem+json with Retry-After; never slower than 2 s
        long ok = answers.stream().filter(a -> a[1] == 200).count();
        long unavailable = answers.stream().filter(a -> a[1] == 503).count();
        long slowest = answers.stream().mapToLong(a -> a[2]).max().orElseThrow();
        System.out.printf(
                "API during 45 s without the database: %d answers, %d × 200, %d × 503, slowest %d ms%n",
                answers.size(), ok, unavailable, slowest);
        assertThat(answers).allSatisfy(a -> assertThat(a[1]).isIn(200L, 503L));
        assertThat(answers.stream().filter(a -> a[1] == 503))
                .allSatisfy(a -> assertThat(a[3]).isEqualTo(1L));
        assertThat(slowest).isLessThanOrEqualTo(2000);
        assertThat(unavailable).isGreaterThan(100);
        assertThat(answers.getLast()[1]).isEqualTo(200);

        long down = readiness.stream()
                .filter(r -> r[0] > stopped && r[1] != 200)
                .findFirst()
                .orElseThrow()[0];
        long up = readiness.stream()
                .filter(r -> r[0] > back && r[1] == 200)
                .findFirst()
                .orElseThrow()[0];
        System.out.printf(
                "readiness DOWN %d ms after the stop, UP %d ms after the return%n",
                (down - stopped) / 1_000_000, (up - back) / 1_000_000);
        assertThat(down - stopped).isLessThanOrEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(up - back).isLessThanOrEqualTo(Duration.ofSeconds(2).toNanos());

        // nothing half-made: the key is still active, listed so and working
        page.reload();
        assertThat(page.locator("vaadin-grid")).containsText("Through the outage");
        assertThat(ApiStatus.of(nginx.url(""), key)).isEqualTo(200);
        // only an active key has a Revoke button
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Through the outage")))
                .isVisible();
    }

    private void whileTheDatabaseIsAway() {
        // the console says so by itself, an action fails visibly, the key stays as it was
        assertThat(page.locator(".database-banner")).isVisible();
        revoke("Through the outage");
        assertThat(page.getByText("Keyward cannot reach its database just now")).isVisible();
        screenshot("database-away");
        // signing in says the service is unavailable, not "wrong password"
        BrowserContext someoneElse = newContext();
        Page other = someoneElse.newPage();
        other.navigate(url("/login"));
        other.getByLabel("Username").fill("sam");
        other.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill("sam");
        other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(other.getByText("Keyward cannot reach its database just now"))
                .isVisible();
        someoneElse.close();
    }

    @Test
    @Order(3)
    void whenTheNodeHoldingTheSessionDiesTheNextClickAsksToSignInAgainAndReturnsToThePage() throws Exception {
        signIn("dana", "dana");
        page.navigate(url("/account"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key")))
                .isVisible();
        sessionNode(context).kill();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        assertThat(page.getByText("Your session ended, please sign in again")).isVisible();
        screenshot("session-ended");
        page.getByLabel("Username").fill("dana");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("dana");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        // the page they were on (Spring Security marks a restored request with "?continue")
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key")))
                .isVisible();
        assertThat(page.url()).isIn(url("/account"), url("/account?continue"));
    }

    @Test
    @Order(4)
    void theProxyLogsNoSetPasswordTokenAndServesNoActuator() throws Exception {
        // an Admin makes a new person, whose set-password link is opened through nginx
        signIn("admin", "admin");
        page.navigate(url("/admin/users"));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("New user").setExact(true))
                .click();
        Locator newUser = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New user"));
        Locator.GetByLabelOptions exact = new Locator.GetByLabelOptions().setExact(true);
        newUser.getByLabel("Username", exact).fill("nina");
        newUser.getByLabel("Name", exact).fill("Nina Nginx");
        newUser.getByLabel("Email", exact).fill("nina@keyward.example");
        newUser.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))
                .click();
        Locator field = page.locator("#set-password-link input");
        field.waitFor();
        String link = field.inputValue();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        BrowserContext ninasBrowser = newContext();
        Page nina = ninasBrowser.newPage();
        nina.navigate(url("/set-password/" + token));
        assertThat(nina.getByLabel("Username"))
                .hasValue(
                        "nina",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions().setTimeout(20_000));
        ninasBrowser.close();
        // the same token in a query, as a hand-edited or forwarded link might carry it
        status("/set-password?token=" + token);
        // a key in the URL (refused with 400) and an SSO callback's one-time code
        assertThat(status("/api/v1/account?api_key=kw_" + token)).isEqualTo(400);
        status("/login/oauth2/code/corp?code=" + token + "&state=" + token);

        // nginx writes a line once it has answered: wait for the last request's line
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!nginx.accessLog().contains("/login/oauth2/code/corp") && System.nanoTime() < deadline) {
            pause(100);
        }
        String log = nginx.accessLog();
        System.out.printf(
                "nginx access log: %d lines, %d with a masked set-password link%n",
                log.lines().count(),
                log.lines().filter(line -> line.contains("set-password")).count());
        assertThat(log).contains("/set-password/[masked]").contains("/login/oauth2/code/corp?[masked]");
        assertThat(log).doesNotContain(token);

        // the actuator is the nodes' own, never the proxy's: a Prometheus server scrapes each node
        assertThat(status("/actuator/prometheus")).isEqualTo(404);
        assertThat(status("/actuator/health/readiness")).isEqualTo(404);
        assertThat(status("/actuator")).isEqualTo(404);
        // (the node that held the earlier test's session is gone)
        assertThat(Stream.of(nodeA, nodeB).map(node -> node.status("/actuator/health/readiness")))
                .contains(200);
    }

    /** GET through nginx, its status. */
    private static int status(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(nginx.url(path)))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** dana signs in through nginx and generates a key for the Account API on My account. */
    private String danasNewKey(String name) {
        signIn("dana", "dana");
        page.navigate(url("/account"));
        return generateAccountApiKey(name);
    }

    /** Revoke on the key's row, confirmed. */
    private void revoke(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + name))
                .click();
        page.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
    }

    /** The node whose name ends this browser's session id. */
    private static KeywardProcess sessionNode(BrowserContext browser) {
        String session = browser.cookies().stream()
                .filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map((Cookie cookie) -> cookie.value)
                .findFirst()
                .orElseThrow();
        assertThat(session).matches(".*\\.node-[ab]");
        return session.endsWith(".node-a") ? nodeA : nodeB;
    }

    /** GET /api/v1/account through nginx: at, status, millis, 1 when a problem+json with Retry-After. */
    private static long[] call(String key) {
        long at = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(nginx.url("/api/v1/account")))
                            .header("X-Api-Key", key)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean problem =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            && response.headers().firstValue("Retry-After").isPresent();
            return new long[] {at, response.statusCode(), (System.nanoTime() - at) / 1_000_000, problem ? 1 : 0};
        } catch (Exception failed) {
            return new long[] {at, -1, (System.nanoTime() - at) / 1_000_000, 0};
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
