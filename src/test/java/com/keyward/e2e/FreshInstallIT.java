package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Going to production", followed literally: a fresh start with no demo data (its own JVM, its own
 * throwaway database), the first Admin through /setup with the token from the log, then a real
 * person (erin) through her one-time link, her password change and a reset.
 */
class FreshInstallIT extends BrowserTest {

    private static final Pattern TOKEN = Pattern.compile("one-time set-up token: (\\S+)");
    private static final String ADMIN_PASSWORD = "a long admin passphrase 2026";
    private static final String ERIN_FIRST = "my first passphrase, spring 2026";
    private static final String ERIN_SECOND = "changed on day two, autumn 2026";

    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);

    private static Process keyward;
    private static Path log;
    private static int freshPort;

    @BeforeAll
    static void startAFreshKeyward() throws Exception {
        freshPort = freePort();
        log = Files.createTempFile("keyward-fresh-", ".log");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "com.keyward.KeywardApplication",
                "--server.port=" + freshPort));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KEYWARD_THROWAWAY_DB", "true");
        builder.environment().put("KEYWARD_DEMO_DATA_ENABLED", "false");
        builder.environment().put("VAADIN_USAGE_STATS_ENABLED", "false");
        keyward = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // the runners (and so the set-up token) come just after Spring's "Started" line
        while (!TOKEN.matcher(Files.readString(log)).find()) {
            if (!keyward.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The fresh Keyward did not start:\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (keyward != null) {
            keyward.destroy();
            keyward.waitFor();
        }
    }

    @Override
    protected String url(String path) {
        return "http://localhost:" + freshPort + path;
    }

    @Test
    void theFirstAdminComesFromSetupAndErinFromHerOneTimeLink() throws Exception {
        String started = Files.readString(log);
        assertThat(started).doesNotContain("DEMO DATA IS ON");
        Matcher token = TOKEN.matcher(started);
        assertThat(token.find()).as("the set-up token in the log").isTrue();

        // the set-up page: a wrong token is refused, the right one makes the first Admin
        page.navigate(url("/setup"));
        fill(page, "Set-up token", "not-the-token");
        fill(page, "Username", "ada");
        fill(page, "Name", "Ada Administrator");
        fill(page, "Email", "ada@example.com");
        fill(page, "Password", ADMIN_PASSWORD);
        click(page, "Create administrator");
        assertThat(page.getByText("This is not the set-up token")).isVisible();
        fill(page, "Set-up token", token.group(1));
        click(page, "Create administrator");
        assertThat(page.getByText("The first administrator is created")).isVisible();
        assertThat(status("/setup")).isEqualTo(404);

        // Ada creates erin with a role and copies her link
        signIn("ada", ADMIN_PASSWORD);
        page.navigate(url("/admin/audit"));
        assertThat(page.locator("vaadin-grid")).containsText("Set-up token used");
        assertThat(page.locator("vaadin-grid")).containsText("First admin created");
        page.navigate(url("/admin/users"));
        click(page, "New user");
        Locator newUser = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New user"));
        newUser.getByLabel("Username", EXACT).fill("erin");
        newUser.getByLabel("Name", EXACT).fill("Erin Engineer");
        newUser.getByLabel("Email", EXACT).fill("erin@example.com");
        newUser.getByLabel("Roles", EXACT).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Admin"))
                .click();
        page.keyboard().press("Escape");
        newUser.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create"))
                .click();
        String firstLink = linkShownOnce(true);
        assertThat(firstLink).startsWith(url("/set-password/"));

        // erin, in a browser of her own: a common password is refused, a good one is set
        BrowserContext erinsBrowser = newContext();
        Page erin = erinsBrowser.newPage();
        erin.navigate(firstLink);
        assertThat(erin.getByLabel("Username")).hasValue("erin");
        fill(erin, "New password", "1qaz2wsx3edc");
        click(erin, "Set password");
        // the field's error and, already while typing, the meter say why
        assertThat(erin.locator("vaadin-password-field > [slot='error-message']"))
                .containsText("one of the most commonly used passwords");
        assertThat(erin.locator(".password-strength-label")).containsText("one of the most commonly used passwords");
        fill(erin, "New password", ERIN_FIRST);
        click(erin, "Set password");
        assertThat(erin.getByText("Your password is set")).isVisible();
        signIn(erin, "erin", ERIN_FIRST);

        // a second session of hers, then she changes her password in the first: the second ends
        BrowserContext erinsOtherBrowser = newContext();
        Page other = erinsOtherBrowser.newPage();
        signIn(other, "erin", ERIN_FIRST);
        erin.navigate(url("/account"));
        click(erin, "Change password");
        Locator change = erin.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Change password"));
        change.getByLabel("Current password", EXACT).fill(ERIN_FIRST);
        change.getByLabel("New password", EXACT).fill(ERIN_SECOND);
        change.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Change password"))
                .click();
        assertThat(erin.getByText("Password changed")).isVisible();
        assertThat(other)
                .hasURL(
                        SIGN_IN_AFTER_END,
                        new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(15_000));
        // her own session carries on
        erin.navigate(url("/account"));
        assertThat(erin.locator("vaadin-app-layout")).isVisible();
        assertThat(erin).hasURL(Pattern.compile(".*/account$"));

        // Ada resets erin's password: her session ends, the old link and the old password are dead
        page.navigate(url("/admin/users/erin"));
        click(page, "Manage this account");
        click(page, "Reset password…");
        click(page, "Reset password");
        String secondLink = linkShownOnce(false);
        assertThat(secondLink).isNotEqualTo(firstLink);
        erin.navigate(url("/account"));
        assertThat(erin).hasURL(Pattern.compile(".*/login.*"));

        Page stranger = newContext().newPage();
        stranger.navigate(firstLink);
        assertThat(stranger.getByText("This link does not work")).isVisible();
        submitLogin("erin", ERIN_SECOND);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        assertThat(status("/setup")).isEqualTo(404);
        erinsBrowser.close();
        erinsOtherBrowser.close();
    }

    /** The link in the set-password-link window; copied (or not, where the clipboard is refused) and closed. */
    private String linkShownOnce(boolean screenshot) {
        Locator window = page.getByRole(
                AriaRole.DIALOG, new Page.GetByRoleOptions().setName(Pattern.compile("set-password link$")));
        Locator field = window.locator("#set-password-link input");
        field.waitFor();
        String link = field.inputValue();
        if (screenshot) {
            screenshot("set-password-link");
        }
        window.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy to clipboard"))
                .click();
        window.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Close").setExact(true))
                .click();
        Locator anyway = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"));
        if (anyway.isVisible()) {
            anyway.click();
        }
        assertThat(window).isHidden();
        return link;
    }

    private static void fill(Page in, String label, String value) {
        in.getByLabel(label, new Page.GetByLabelOptions().setExact(true)).fill(value);
    }

    private static void click(Page in, String button) {
        in.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(button).setExact(true))
                .click();
    }

    private static int status(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + freshPort + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
