package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

class UserManagementIT extends BrowserTest {

    @Test
    void adminFiltersTheGridOpensDanaAndBackClosesTheWindow() {
        signIn("admin", "admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))
                .click();
        assertThat(page).hasURL(url("/admin/users"));
        assertThat(page.locator("#user-count")).containsText("users");
        screenshot("users");

        page.getByLabel("Search users").fill("dana");
        assertThat(page.locator("#user-count")).hasText("1 user");
        Locator dana = page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("dana").setExact(true));
        dana.click();

        assertThat(page).hasURL(url("/admin/users/dana"));
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("User Account Details");
        assertThat(profileValue(dialog, "Name")).hasText("Dana Developer");
        assertThat(dialog.locator(".badges")).hasText("API Integrator");
        // dana's keys and the administration are built when asked for: both work when opened
        openSection(page, "Show API keys");
        assertThat(dialog.locator("#api-keys-section vaadin-grid")).isVisible();
        assertThat(dialog.locator("#api-keys-section h3")).isFocused();
        openSection(page, "Manage this account");
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save roles")))
                .isVisible();
        screenshot("user-account-details");
        assertNoSeriousAccessibilityViolations();

        page.goBack();
        assertThat(page).hasURL(url("/admin/users"));
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
    }

    @Test
    void aDeepLinkOpensTheWindowAndCloseReturnsToTheGrid() {
        signIn("admin", "admin");
        page.navigate(url("/admin/users/sam"));
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(profileValue(dialog, "Name")).hasText("Sam Support");

        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(page).hasURL(url("/admin/users"));
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
    }

    @Test
    void samOpensMyAccountAndSeesHisRolesButNoApiKeys() {
        signIn("sam", "sam");
        page.locator(".user-menu").getByText("Sam Support").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("My account"))
                .click();

        assertThat(page).hasURL(url("/account"));
        assertThat(profileValue(page.locator(".user-account-details"), "Username"))
                .hasText("sam");
        assertThat(page.locator(".user-account-details")).containsText("Viewer");
        assertThat(page.locator("#api-keys-section")).hasCount(0);
        assertThat(page.locator("#api-keys-hint")).containsText("Manage User API Key");
        screenshot("my-account");
    }

    @Test
    void samSeesSomeoneElsesDetailsButNoApiKeysPlace() {
        signIn("sam", "sam");
        page.navigate(url("/admin/users/dana"));
        assertThat(profileValue(page.getByRole(AriaRole.DIALOG), "Name")).hasText("Dana Developer");
        assertThat(page.locator("#api-keys-section")).hasCount(0);
    }

    @Test
    void anAdminImportsUsersFromCsvAfterFixingTheRowThePreviewNamed() {
        String batch = Long.toString(System.nanoTime(), 36);
        String bad = "username,name,email,roles\n"
                + "csv-a-" + batch + ",Ann Import,ann@example.com,Viewer\n"
                + "csv-b-" + batch + ",Ben Import,not-an-email,Viewer\n"
                + "csv-c-" + batch + ",Cem Import,cem@example.com,API Integrator;Viewer\n";
        signIn("admin", "admin");
        page.navigate(url("/admin/users"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import users"))
                .click();
        Locator window = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import users"));
        upload(window, bad);
        assertThat(window.locator(".import-summary")).containsText("1 of 3 rows have a problem");
        assertThat(window.locator("vaadin-grid")).containsText("not-an-email");
        Locator importButton = window.getByRole(
                AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Import").setExact(true));
        assertThat(importButton).isDisabled();
        screenshot("import-users");

        upload(window, bad.replace("not-an-email", "ben@example.com"));
        assertThat(window.locator(".import-summary")).hasText("3 accounts are ready to import.");
        importButton.click();

        Locator links = page.getByRole(
                AriaRole.DIALOG, new Page.GetByRoleOptions().setName("3 users imported: set-password links"));
        links.locator("vaadin-text-area").waitFor();
        String csv = (String) links.locator("vaadin-text-area").evaluate("area => area.value");
        org.assertj.core.api.Assertions.assertThat(csv)
                .startsWith("username,link,expires\n")
                .containsPattern("\ncsv-c-" + batch + ",http[^,]+/set-password/[\\w-]{43},");
        links.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Close").setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"))
                .click();
        // the page behind a window is inert until the window has gone: type once it has
        assertThat(page.locator("vaadin-dialog[opened]")).hasCount(0);
        page.getByLabel("Search users").fill("csv-c-" + batch);
        assertThat(page.locator("#user-count")).hasText("1 user");
        assertThat(page.locator("vaadin-grid")).containsText("API Integrator, Viewer");
    }

    private static void upload(Locator window, String csv) {
        window.locator("vaadin-upload input[type=file]")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "people.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
