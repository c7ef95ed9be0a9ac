package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;

/**
 * The console as people meet it: errors inside the shell, focus that follows navigation and
 * dialogs, confirmations whose Enter keeps what is there, and a dark mode that follows the system
 * until the person chooses and is then remembered.
 */
class ConsoleIT extends BrowserTest {

    @Test
    void aRouteThePersonMayNotOpenAndAnUnknownAddressAreShownInsideTheShell() {
        signIn("dana", "dana");

        Response denied = page.navigate(url("/admin/roles"));
        assertThat(page.locator(".page-title")).hasText("No access");
        assertThat(page.getByText("Your roles do not open /admin/roles.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation")))
                .isVisible();
        assertThat(denied.status()).isEqualTo(403);

        Response missing = page.navigate(url("/admin/users/nobody-here"));
        assertThat(page.locator(".page-title")).hasText("Page not found");
        assertThat(page.getByText(
                        "There is no page at /admin/users/nobody-here.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(missing.status()).isEqualTo(404);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page"))
                .click();
        assertThat(page.locator(".page-title")).hasText("Home");

        // the favicon the browser asks for exists
        String icon = (String) page.evaluate("() => document.querySelector('link[rel=icon]').href");
        assertThat(page.request().get(icon).status()).isEqualTo(200);
    }

    @Test
    void focusFollowsNavigationDialogsFocusTheirFieldAndEnterOnAConfirmationKeepsTheKey() throws Exception {
        signIn("dana", "dana");
        assertThat(page.locator(".page-title")).isFocused();
        assertThat(page.locator(".page-title")).hasText("Home");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My account"))
                .click();
        assertThat(page.locator(".page-title")).hasText("My account");
        assertThat(page.locator(".page-title")).isFocused();

        String key = generateAccountApiKey("Keep me");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        Locator newKey = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        assertThat(newKey).isVisible();
        page.waitForCondition(() -> focused().endsWith("|Name"));
        page.keyboard().press("Escape");
        assertThat(newKey).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Keep me"))
                .click();
        Locator confirm = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")))
                .isFocused();
        page.keyboard().press("Enter");
        assertThat(confirm).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke Keep me")))
                .isVisible();
        assertThat(com.keyward.ApiStatus.of(url(""), key)).isEqualTo(200);
    }

    @Test
    void darkModeFollowsTheSystemUntilChosenAndIsRemembered() {
        BrowserContext dark = newContext();
        Page inDark = dark.newPage();
        inDark.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        signIn(inDark, "sam", "sam");
        assertThat(background(inDark)).as("the system is dark").isLessThan(100);

        // chosen light in the user menu: light at once, and still light after a reload
        chooseAppearance(inDark, "Light");
        inDark.waitForCondition(() -> background(inDark) > 150);
        inDark.reload();
        inDark.locator("vaadin-app-layout").waitFor();
        assertThat(background(inDark)).as("remembered").isGreaterThan(150);

        chooseAppearance(inDark, "Like the system");
        inDark.waitForCondition(() -> background(inDark) < 100);
        dark.close();

        signIn("sam", "sam");
        chooseAppearance(page, "Dark");
        page.waitForCondition(() -> background(page) < 100);
        assertNoSeriousAccessibilityViolations();
        screenshot("dark-mode");
        chooseAppearance(page, "Like the system");
    }

    private static void chooseAppearance(Page in, String choice) {
        in.locator(".user-menu vaadin-menu-bar-button").first().click();
        in.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Appearance"))
                .click();
        in.getByRole(AriaRole.MENUITEMCHECKBOX, new Page.GetByRoleOptions().setName(choice))
                .or(in.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(choice)))
                .click();
    }

    /** The page's background brightness, 0 (black) to 255 (white). */
    private static double background(Page in) {
        return ((Number) in.evaluate("""
                        () => {
                          const rgb = getComputedStyle(document.querySelector('vaadin-app-layout')).backgroundColor
                            .match(/[0-9.]+/g).map(Number);
                          const base = rgb.length > 3 && rgb[3] === 0
                            ? getComputedStyle(document.body).backgroundColor.match(/[0-9.]+/g).map(Number) : rgb;
                          return (base[0] + base[1] + base[2]) / 3;
                        }""")).doubleValue();
    }
}
