package com.keyward.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.keyward.KeywardTest;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End-to-end tests: the real application on its real MariaDB, driven through Debian's Chromium
 * (override with the CHROMIUM environment variable) by Playwright.
 */
@KeywardTest
public abstract class BrowserTest {

    /**
     * Screenshots go to target/screenshots, so test runs leave the work tree clean;
     * {@code -Dkeyward.screenshots=docs/screenshots} refreshes the README's.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("keyward.screenshots", "target/screenshots"));

    private static Playwright playwright;
    protected static Browser browser;

    /** A failing test leaves a screenshot of what the browser showed in target/e2e-failures. */
    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = (extension, failure) -> {
        if (this.page != null && !this.page.isClosed()) {
            this.page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of(
                            "target", "e2e-failures", extension.getDisplayName().replaceAll("\\W+", "_") + ".png")));
        }
        System.err.println("E2E failure at " + (this.page == null ? "-" : this.page.url()));
        throw failure;
    };

    /** Where an ended session's page lands: pushed to ?ended, or reloaded and sent to the sign-in page. */
    protected static final java.util.regex.Pattern SIGN_IN_AFTER_END =
            java.util.regex.Pattern.compile(".*/login(\\?ended)?$");

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = launch();
    }

    /** Debian's Chromium, headless, as root, with no traffic beyond this machine. */
    protected static Browser launch(String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync"));
        args.addAll(List.of(extraArgs));
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(args));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** What the browser refused under the Content-Security-Policy, on any page of the test. */
    protected final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void openPage() {
        context = newContext();
        page = context.newPage();
    }

    /** A fresh browser profile: its own cookies, so its own session. */
    protected BrowserContext newContext() {
        BrowserContext fresh = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
        fresh.setDefaultTimeout(20_000);
        fresh.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")
                    || message.text().contains("Content-Security-Policy")) {
                policyViolations.add(message.text());
            }
        });
        return fresh;
    }

    @AfterEach
    void closePage() {
        context.close();
        assertThat(policyViolations).as("Content-Security-Policy violations").isEmpty();
    }

    /** What has keyboard focus, looking into shadow roots: "tag|aria-label|text|field label". */
    protected String focused() {
        // a key press may start a navigation (Enter on the sign-in form): ask the new page then
        for (int attempt = 0; ; attempt++) {
            try {
                return focusedNow();
            } catch (com.microsoft.playwright.PlaywrightException e) {
                if (attempt >= 20 || !String.valueOf(e.getMessage()).contains("context was destroyed")) {
                    throw e;
                }
                page.waitForLoadState();
            }
        }
    }

    private String focusedNow() {
        return (String) page.evaluate("""
                () => {
                  let e = document.activeElement;
                  while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
                  if (!e) { return ''; }
                  const fields = 'vaadin-text-field,vaadin-password-field,vaadin-text-area,vaadin-date-picker,'
                    + 'vaadin-list-box,vaadin-radio-group';
                  let host = e;
                  while (host && !(host.matches && host.matches(fields))) {
                    host = host.parentElement || (host.getRootNode && host.getRootNode().host);
                  }
                  const label = host ? (host.label || host.getAttribute('aria-label') || '') : '';
                  const named = ['a', 'button', 'vaadin-button', 'vaadin-item', 'vaadin-menu-bar-button',
                    'vaadin-menu-bar-item', 'vaadin-radio-button'].includes(e.localName);
                  // a side-nav item's link lives in its shadow root; its words are the item's
                  const item = e.getRootNode().host;
                  const radio = e.closest && e.closest('vaadin-radio-button');
                  const text = item && item.localName === 'vaadin-side-nav-item' ? item.innerText.trim()
                    : radio ? radio.innerText.trim()
                    : named ? (e.innerText || '').trim() : '';
                  return [e.localName, e.getAttribute('aria-label') || '', text, label].join('|');
                }""");
    }

    /** Every key pressed through {@link #press} and {@link #tabTo} (typed text not counted). */
    protected int keyPresses;

    /** Presses one key, counted. */
    protected void press(String key) {
        keyPresses++;
        page.keyboard().press(key);
        keyTrail.add(key + " → " + focused());
    }

    /** Each counted key and where the focus was after it, for a test to print. */
    protected final List<String> keyTrail = new java.util.ArrayList<>();

    /** Presses Tab (at most 60 times) until the focused element's description contains the text. */
    protected void tabTo(String text) {
        for (int i = 0; i < 60; i++) {
            press("Tab");
            if (focused().contains(text)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached \"" + text + "\"; last focus: " + focused());
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the real login form and waits for the shell. */
    protected void signIn(String username, String password) {
        signIn(page, username, password);
    }

    protected void signIn(Page in, String username, String password) {
        submitLogin(in, username, password);
        in.locator("vaadin-app-layout").waitFor();
    }

    protected void submitLogin(String username, String password) {
        submitLogin(page, username, password);
    }

    private void submitLogin(Page in, String username, String password) {
        in.navigate(url("/login"));
        in.getByLabel("Username").fill(username);
        in.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    /**
     * On the open account page: Generate key, a key for the Account API, Finish; the key is read
     * from Save generated key, which is then copied and closed.
     */
    protected String generateAccountApiKey(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        com.microsoft.playwright.Locator newKey =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        newKey.getByLabel("Name", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                .fill(name);
        newKey.getByRole(
                        AriaRole.OPTION, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Account API"))
                .dblclick();
        newKey.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Finish"))
                .click();
        com.microsoft.playwright.Locator save =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        String key = save.locator("#generated-key input").inputValue();
        save.getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Copy to clipboard"))
                .click();
        save.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Close"))
                .click();
        com.microsoft.playwright.Locator anyway =
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"));
        if (anyway.isVisible()) {
            anyway.click();
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(save)
                .hasCount(0);
        return key;
    }

    /**
     * Clicks a button in a grid row until {@code opens} appears (at most three times): when the
     * click first has to scroll the row into view, the grid renders its rows anew under it and
     * the first click can land on a row element that is being replaced.
     */
    protected void clickUntil(com.microsoft.playwright.Locator button, com.microsoft.playwright.Locator opens) {
        button.scrollIntoViewIfNeeded();
        for (int attempt = 1; ; attempt++) {
            button.click();
            try {
                opens.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(3000));
                return;
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
    }

    /** The value User Account Details (or My account) shows under {@code label} in the profile. */
    protected static com.microsoft.playwright.Locator profileValue(com.microsoft.playwright.Locator in, String label) {
        return in.locator("dl.profile > div")
                .filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHas(in.page()
                                .locator("dt")
                                .getByText(
                                        label, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))))
                .locator("dd");
    }

    /** Opens a section of User Account Details that is built when asked for ("Show API keys"). */
    protected static void openSection(Page in, String button) {
        in.getByRole(AriaRole.DIALOG)
                .getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                .setName(button)
                                .setExact(true))
                .click();
    }

    /**
     * In User Management, opens the person's Administration section and toggles one role in the
     * chooser (a click selects an option, another deselects it), then saves the roles.
     */
    protected void toggleRole(String username, String role) {
        page.navigate(url("/admin/users/" + username));
        com.microsoft.playwright.Locator details =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("User Account Details"));
        openSection(page, "Manage this account");
        com.microsoft.playwright.Locator roles =
                details.locator("#account-administration vaadin-multi-select-combo-box");
        roles.locator("input").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(role))
                .click();
        // Tab closes the list, as a keyboard user would
        roles.locator("input").press("Tab");
        details.getByRole(
                        AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save roles"))
                .click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                        page.getByText("Roles of " + username + " saved."))
                .isVisible();
    }

    /** Saves a screenshot, once the page has drawn something: a blank picture fails the test. */
    protected void screenshot(String name) {
        screenshot(page, name);
    }

    protected void screenshot(Page in, String name) {
        in.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        byte[] png = in.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        assertThat(distinctColours(png)).as("colours in screenshot %s", name).isGreaterThan(16);
    }

    static long distinctColours(byte[] png) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < image.getHeight(); y += 4) {
                for (int x = 0; x < image.getWidth(); x += 4) {
                    colours.add(image.getRGB(x, y));
                }
            }
            return colours.size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** axe-core on the page as it is now: no serious or critical violation may remain. */
    protected void assertNoSeriousAccessibilityViolations() {
        AxeResults results = new AxeBuilder(page).analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(serious)
                .as(() -> serious.stream()
                        .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                                + rule.getNodes().stream()
                                        .map(node -> String.valueOf(node.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
