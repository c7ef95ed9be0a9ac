package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Keys for the intranet's other services, in Chromium: an admin registers another service's API
 * set in Admin › API Sets; an integrator finds it in New API Key, where the preview says that service
 * decides, and limits the key to networks, which its details then show.
 */
class ApiSetsIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.keyward.TestAccounts accounts;

    @Test
    void anAdminRegistersABillingSetAndAnIntegratorMakesANetworkLimitedKeyForIt() {
        String code = "BILL_" + (System.nanoTime() % 100_000);
        String name = "Billing " + code;
        signIn("admin", "admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API Sets"))
                .click();
        assertThat(page).hasURL(url("/admin/api-sets"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register API set"))
                .click();
        Locator editor = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Register API set"));
        editor.getByLabel("Code").fill("bad code");
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(editor).containsText("Use 2 to 32 capital letters");
        assertThat(editor).containsText("Describe what a key with this set may do.");
        editor.getByLabel("Code").fill(code);
        editor.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill(name);
        editor.getByLabel("Description").fill("Read the invoices of the billing service.");
        editor.getByLabel("Owner service").fill("billing-service");
        screenshot("api-set-editor");
        assertNoSeriousAccessibilityViolations();
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(editor).hasCount(0);
        Locator grid = page.locator("vaadin-grid");
        assertThat(grid).containsText(name);
        assertThat(grid).containsText("billing-service");
        screenshot("api-sets");

        // an integrator like dana (a fresh one: the suite's dana is near her key limit), in her own session
        String integrator = accounts.create(
                "integrator",
                java.util.List.of(
                        com.keyward.security.Authorities.VIEW_USERS,
                        com.keyward.security.Authorities.MANAGE_USER_API_KEY));
        BrowserContext danaContext = newContext();
        Page dana = danaContext.newPage();
        signIn(dana, integrator, integrator);
        dana.navigate(url("/account/api-keys"));
        dana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        Locator newKey = dana.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        String keyName = "Invoices " + code;
        newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill(keyName);
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(name))
                .dblclick();
        Locator preview =
                newKey.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("What this key can do"));
        assertThat(preview).containsText("Checked by billing-service through the Introspection API.");
        newKey.getByLabel("Allowed networks").fill("10.20.0.0/16 not-a-network");
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();
        assertThat(newKey).containsText("\"not-a-network\" is not an IPv4 or IPv6 network");
        newKey.getByLabel("Allowed networks").fill("10.20.0.0/16, fd00::/8");
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();
        Locator save = dana.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        save.getByLabel("API key").waitFor();
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        dana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"))
                .click();
        assertThat(save).hasCount(0);

        dana.locator("vaadin-grid-cell-content vaadin-button.key-name")
                .getByText(keyName)
                .click();
        Locator details = dana.getByRole(AriaRole.DIALOG).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(details.getByLabel("Allowed networks")).hasValue("10.20.0.0/16, fd00::/8");
        danaContext.close();
    }
}
