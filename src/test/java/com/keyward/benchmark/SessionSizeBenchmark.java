package com.keyward.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What one signed-in console session holds on the server's heap (issue 18). The production jar
 * runs as its own process (as an operator runs it: production mode, embedded MariaDB, demo data);
 * 100 people sign in through Chromium, each opens Admin › Users with User Account Details of dana,
 * and the growth of the server's live heap (class histograms after a full GC, {@code jcmd
 * GC.class_histogram}, before and after) is divided by 100.
 *
 * <p>Each browser profile is taken offline before it is closed, so no unload beacon reaches the
 * server: the session keeps its UI, as it does while its tab stays open (Vaadin drops a UI only
 * after missed heartbeats, minutes later). The views' instance counts prove it.
 *
 * <pre>./mvnw -Pproduction -DskipTests package; ./mvnw test -Dtest=SessionSizeBenchmark [-Dkeyward.benchmark.sessions=100]</pre>
 */
class SessionSizeBenchmark {

    private static final int SESSIONS = Integer.getInteger("keyward.benchmark.sessions", 100);
    private static final int WARM_UP = 5;
    private static final Path JDK_BIN = Path.of(System.getProperty("java.home"), "bin");
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");

    @Test
    void measure() throws Exception {
        Path work = Files.createTempDirectory(Path.of(System.getProperty("user.home")), ".keyward-sessions");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        JDK_BIN.resolve("java").toString(),
                        "-jar",
                        StartupBenchmark.productionJar().toString()))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("keyward.log").toFile());
        builder.environment()
                .putAll(Map.of(
                        "KEYWARD_DATA_DIR", work.resolve("data").toString(),
                        "KEYWARD_DEMO_DATA_ENABLED", "true",
                        "PORT", Integer.toString(port),
                        // 105 sign-ins as admin from one address: the throttles would refuse most
                        "KEYWARD_SIGN_IN_ATTEMPTS_PER_ADDRESS", "10000",
                        "KEYWARD_SIGN_IN_ATTEMPTS_PER_USERNAME", "10000"));
        Process keyward = builder.start();
        try (Playwright playwright = Playwright.create();
                Browser browser = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(
                                        Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                                .setHeadless(true)
                                .setArgs(List.of("--no-sandbox", "--disable-gpu")))) {
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (!StartupBenchmark.answers(port)) {
                if (!keyward.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Keyward did not start:\n" + Files.readString(work.resolve("keyward.log")));
                }
                Thread.sleep(200);
            }
            for (int i = 0; i < WARM_UP; i++) {
                openSession(browser, port); // classes loaded, caches and translations filled
            }
            Map<String, long[]> before = liveHistogram(keyward.pid());
            for (int i = 0; i < SESSIONS; i++) {
                openSession(browser, port);
            }
            Map<String, long[]> after = liveHistogram(keyward.pid());
            report(before, after);
        } finally {
            keyward.destroy();
            keyward.waitFor();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** A new browser profile signs in as admin and opens dana's details, then goes away silently. */
    private static void openSession(Browser browser, int port) {
        BrowserContext profile = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
        profile.setDefaultTimeout(30_000);
        Page tab = profile.newPage();
        String base = "http://localhost:" + port;
        tab.navigate(base + "/login");
        tab.getByLabel("Username").fill("admin");
        tab.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("admin");
        tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        tab.locator("vaadin-app-layout").waitFor();
        tab.navigate(base + "/admin/users/dana");
        tab.getByRole(AriaRole.DIALOG).getByText("User Account Details").waitFor();
        tab.waitForLoadState(LoadState.NETWORKIDLE);
        profile.setOffline(true);
        profile.close();
    }

    private static void report(Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> growth = new HashMap<>();
        after.forEach((type, counts) -> {
            long[] was = before.getOrDefault(type, new long[2]);
            growth.put(type, new long[] {counts[0] - was[0], counts[1] - was[1]});
        });
        before.forEach((type, counts) -> growth.putIfAbsent(type, new long[] {-counts[0], -counts[1]}));
        long total = growth.values().stream().mapToLong(counts -> counts[1]).sum();

        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%nHeap per signed-in session (production jar; Admin › Users with User Account Details open),"
                        + " %d sessions, live heap after a full GC%n  %.1f KB per session (%,d bytes in all)%n"
                        + "  largest parts, per session:%n",
                SESSIONS,
                total / 1024.0 / SESSIONS,
                total));
        growth.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> entry.getValue()[1])
                        .reversed())
                .limit(30)
                .forEach(entry -> report.append(String.format(
                        Locale.ROOT,
                        "    %8.1f KB %8.1f objects  %s%n",
                        entry.getValue()[1] / 1024.0 / SESSIONS,
                        entry.getValue()[0] / (double) SESSIONS,
                        entry.getKey())));
        report.append("Goal: <= 128 KB per session");
        System.out.println(report);

        // every measured session still holds its UI: otherwise the figure would be too small
        assertThat(growth.getOrDefault("com.keyward.user.ui.UsersView", new long[2])[0])
                .as("Users views held")
                .isEqualTo(SESSIONS);
        assertThat(growth.getOrDefault("com.keyward.user.ui.UserAccountDetailsDialog", new long[2])[0])
                .as("User Account Details dialogs held")
                .isEqualTo(SESSIONS);
    }

    /** Class → {instances, bytes} of the server's live objects, after a full GC. */
    private static Map<String, long[]> liveHistogram(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(JDK_BIN.resolve("jcmd").toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed:\n" + histogram);
        }
        Map<String, long[]> classes = new HashMap<>();
        for (String line : histogram.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                classes.merge(
                        row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))}, (a, b) ->
                                new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return classes;
    }
}
