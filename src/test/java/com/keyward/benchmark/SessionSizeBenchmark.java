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
 * <p>First as many warm-up sessions are opened and their browser killed, so that what the first
 * histogram already holds (classes, caches, Tomcat's bounded pools of closed connections' buffers)
 * does not grow with the measured sessions.
 *
 * <p>Every tab stays open until the second histogram is taken, so each session holds its UI as it
 * does in use (closing a tab sends an unload beacon, and the server drops that UI). Then Chromium
 * is killed, which runs no unload handler, and a third histogram gives the sessions alone, their
 * connections closed. The UI and view instance counts prove that every measured session was held.
 *
 * <pre>./mvnw -Pproduction -DskipTests package; ./mvnw test -Dtest=SessionSizeBenchmark [-Dkeyward.benchmark.sessions=100]</pre>
 */
class SessionSizeBenchmark {

    private static final int SESSIONS = Integer.getInteger("keyward.benchmark.sessions", 100);
    private static final String DETAILS = "/admin/users/dana";
    /** Another page to compare with (e.g. {@code /} or {@code /admin/users}); the goal is about {@value #DETAILS}. */
    private static final String PATH = System.getProperty("keyward.benchmark.path", DETAILS);

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
        // Debian's Chromium: Playwright must not try to download its own (surefire does not set this)
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (!StartupBenchmark.answers(port)) {
                if (!keyward.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Keyward did not start:\n" + Files.readString(work.resolve("keyward.log")));
                }
                Thread.sleep(200);
            }
            // warm-up: as many sessions as are measured, in a browser of their own, killed as the
            // measured one will be. Classes, caches and translations are loaded, and Tomcat's pools of
            // closed connections' processors and buffers (bounded, reused, held by no session) are
            // as full before the measured sessions as after them. The warm-up sessions stay, in both
            // histograms alike.
            Browser warmUp = launch(playwright);
            for (int i = 0; i < SESSIONS; i++) {
                openSession(warmUp, port);
            }
            killChromium();
            Thread.sleep(5000);
            Map<String, long[]> before = liveHistogram(keyward.pid());
            Browser browser = launch(playwright);
            for (int i = 0; i < SESSIONS; i++) {
                openSession(browser, port);
            }
            Map<String, long[]> withTabs = liveHistogram(keyward.pid());
            // the browser goes at once, as a crashed one would: no page runs its unload handlers, so
            // every session keeps its UI while the server closes the tabs' connections
            killChromium();
            Thread.sleep(5000);
            Map<String, long[]> sessionsAlone = liveHistogram(keyward.pid());
            report("with every tab open (its connections' buffers included)", before, withTabs);
            report("the sessions alone (their tabs' connections closed)", before, sessionsAlone);
        } finally {
            try {
                playwright.close();
            } catch (RuntimeException browserAlreadyGone) {
                // killed above
            }
            keyward.destroy();
            keyward.waitFor();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void killChromium() {
        ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.contains("chrom"))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    /** A new browser profile signs in as admin and opens dana's details; its tab stays open. */
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
        tab.navigate(base + PATH);
        if (PATH.equals(DETAILS)) {
            tab.getByRole(AriaRole.DIALOG).getByText("User Account Details").waitFor();
        } else {
            tab.locator("vaadin-app-layout").waitFor();
        }
        tab.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static void report(String what, Map<String, long[]> before, Map<String, long[]> after) {
        Map<String, long[]> growth = new HashMap<>();
        after.forEach((type, counts) -> {
            long[] was = before.getOrDefault(type, new long[2]);
            growth.put(type, new long[] {counts[0] - was[0], counts[1] - was[1]});
        });
        before.forEach((type, counts) -> growth.putIfAbsent(type, new long[] {-counts[0], -counts[1]}));
        long total = growth.values().stream().mapToLong(counts -> counts[1]).sum();

        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%nHeap per signed-in session (production jar; %s), %s, %d sessions, live heap after a full GC%n"
                        + "  %.1f KB per session (%,d bytes in all)%n  largest parts, per session:%n",
                PATH.equals(DETAILS) ? "Admin › Users with User Account Details open" : PATH + " open",
                what,
                SESSIONS,
                total / 1024.0 / SESSIONS,
                total));
        largest(growth, 30, report);
        // by package: which library's own classes grow (arrays and JDK collections are not attributed)
        Map<String, long[]> packages = new HashMap<>();
        growth.forEach((type, counts) -> {
            int cut = type.lastIndexOf('.');
            String owner = type.startsWith("[") || cut < 0 ? "(arrays)" : type.substring(0, cut);
            packages.merge(owner, counts.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        });
        report.append("  by package, per session:\n");
        largest(packages, 20, report);
        for (String type : List.of(
                "org.apache.tomcat.websocket.WsSession",
                "org.apache.catalina.session.StandardSession",
                "com.vaadin.flow.server.VaadinSession",
                "com.vaadin.flow.component.UI",
                "com.keyward.user.ui.UsersView",
                "com.keyward.user.ui.UserAccountDetailsDialog")) {
            report.append(String.format(Locale.ROOT, "  %s: %+d%n", type, growth.getOrDefault(type, new long[2])[0]));
        }
        report.append("Goal: <= 128 KB per session");
        System.out.println(report);

        // every measured session still holds its UI: otherwise the figure would be too small
        assertThat(growth.getOrDefault("com.vaadin.flow.component.UI", new long[2])[0])
                .as("UIs held")
                .isEqualTo(SESSIONS);
        if (!PATH.equals(DETAILS)) {
            return;
        }
        assertThat(growth.getOrDefault("com.keyward.user.ui.UsersView", new long[2])[0])
                .as("Users views held")
                .isEqualTo(SESSIONS);
        assertThat(growth.getOrDefault("com.keyward.user.ui.UserAccountDetailsDialog", new long[2])[0])
                .as("User Account Details dialogs held")
                .isEqualTo(SESSIONS);
    }

    /** The {@code limit} largest entries, in KB and objects per session. */
    private static void largest(Map<String, long[]> growth, int limit, StringBuilder report) {
        growth.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> entry) -> entry.getValue()[1])
                        .reversed())
                .limit(limit)
                .forEach(entry -> report.append(String.format(
                        Locale.ROOT,
                        "    %8.1f KB %8.1f objects  %s%n",
                        entry.getValue()[1] / 1024.0 / SESSIONS,
                        entry.getValue()[0] / (double) SESSIONS,
                        entry.getKey())));
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
