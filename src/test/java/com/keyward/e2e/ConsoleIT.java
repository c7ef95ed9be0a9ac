package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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

        page.navigate(url("/admin/roles"));
        assertThat(page.locator(".page-title")).hasText("No access");
        assertThat(page.getByText("Your roles do not open /admin/roles.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation")))
                .isVisible();

        // an address Vaadin's own rules denied with a bare 403 before, and a user who does not exist
        page.navigate(url("/nothing.html"));
        assertThat(page.locator(".page-title")).hasText("Page not found");

        assertThat(page.getByText("There is no page at /nothing.html.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        page.navigate(url("/admin/users/nobody-here"));
        assertThat(page.locator(".page-title")).hasText("Page not found");
        assertThat(page.getByText(
                        "There is no user named \"nobody-here\".", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
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

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))
                .click();
        assertThat(page.locator(".page-title")).hasText("User Management");
        assertThat(page.locator(".page-title")).isFocused();

        page.navigate(url("/account"));
        assertThat(page.locator(".page-title")).isFocused();

        String key = generateAccountApiKey("Keep me");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        Locator newKey = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        Locator nameField = newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true));
        assertThat(nameField).isVisible();
        page.waitForCondition(() -> focused().endsWith("|Name"));
        // the page behind the window is out of reach: not in the accessibility tree, not in the Tab order
        page.waitForCondition(this::behindTheWindow);
        page.keyboard().press("Escape");
        assertThat(nameField).hasCount(0);
        page.waitForCondition(() -> !behindTheWindow());

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
        assertThat(text(inDark)).as("the system is dark: light text").isGreaterThan(150);

        // chosen light in My account's preferences: light at once, and still light after a reload
        chooseAppearance(inDark, "Light");
        inDark.waitForCondition(() -> text(inDark) < 100);
        inDark.reload();
        inDark.locator("vaadin-app-layout").waitFor();
        assertThat(text(inDark)).as("remembered: dark text").isLessThan(100);

        chooseAppearance(inDark, "Like the system");
        inDark.waitForCondition(() -> text(inDark) > 150);
        dark.close();

        signIn("sam", "sam");
        chooseAppearance(page, "Dark");
        page.waitForCondition(() -> text(page) > 150);
        // axe on the home page as it loads in dark (the choice is kept): once Vaadin's menu bar
        // has opened its submenu, the items it leaves in the page carry aria-selected, which axe
        // reports as critical (Vaadin's markup, not ours: noted for issue 16)
        page.navigate(url(""));
        page.locator("vaadin-app-layout").waitFor();
        page.waitForCondition(() -> text(page) > 150);
        assertNoSeriousAccessibilityViolations();
        screenshot("dark-mode");
        chooseAppearance(page, "Like the system");
        // the page turns light again once the server has kept the choice: later tests see sam so
        page.waitForCondition(() -> text(page) < 100);
    }

    @Test
    void onAPhoneTheUsersGridShowsItsPriorityColumnsAndFoldsItsFilters() {
        page.setViewportSize(390, 844);
        signIn("admin", "admin");
        page.navigate(url("/admin/users"));
        Locator grid = page.locator("vaadin-grid");
        assertThat(grid.locator("vaadin-grid-cell-content")
                        .getByText("Username", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters")))
                .isVisible();
        assertThat(page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)))
                .isHidden();
        // nothing wider than the screen: the grid's columns and the count fit
        assertThat((Boolean) grid.evaluate("g => g.$.table.scrollWidth <= g.$.table.clientWidth + 1"))
                .as("no sideways scrolling")
                .isTrue();
        var count = page.locator("#user-count").boundingBox();
        assertThat(count.x + count.width).as("the count's right edge").isLessThanOrEqualTo(390);
        screenshot("users-phone");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filters"))
                .click();
        assertThat(page.getByLabel("Status", new Page.GetByLabelOptions().setExact(true)))
                .isVisible();

        page.navigate(url("/account"));
        assertThat(page.locator(".page-title")).hasText("My account");
        screenshot("account-phone");

        page.navigate(url("/account/api-keys"));
        assertThat(page.locator(".page-title")).hasText("My API keys");
        screenshot("my-api-keys-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"))
                        .getByText("Available API", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        screenshot("new-api-key-phone");
    }

    private boolean behindTheWindow() {
        return (Boolean) page.locator("vaadin-side-nav").first().evaluate("nav => nav.closest('[inert]') !== null");
    }

    /** Preferences are on My account, reached through the user menu as a person would. */
    private static void chooseAppearance(Page in, String choice) {
        in.locator(".user-menu vaadin-menu-bar-button").first().click();
        in.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("My account"))
                .click();
        in.locator("#preferences")
                .getByRole(
                        AriaRole.RADIO,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                .setName(choice)
                                .setExact(true))
                .check();
    }

    /** The brightness of the page title's text, 0 (black) to 255 (white): dark text on a light page. */
    private static double text(Page in) {
        return ((Number) in.evaluate("""
                        () => {
                          const rgb = getComputedStyle(document.querySelector('.page-title')).color.match(/[0-9.]+/g).map(Number);
                          return (rgb[0] + rgb[1] + rgb[2]) / 3;
                        }""")).doubleValue();
    }
}
