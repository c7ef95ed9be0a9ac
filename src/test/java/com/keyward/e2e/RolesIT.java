package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Role, Authority, and Levels module end to end: a custom role grants Manage User API Key. */
class RolesIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    com.keyward.role.RoleFixtures roles;

    @Test
    void aCustomRoleGivesSamTheApiKeysSectionAndTakingItAwayClosesBoth() throws Exception {
        signIn("admin", "admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roles"))
                .click();
        assertThat(page).hasURL(url("/admin/roles"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New role"))
                .click();
        Locator editor = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New role"));
        editor.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill("Key Makers");
        editor.getByLabel("Description").fill("May generate API keys");
        editor.getByLabel("Manage User API Key").check();
        screenshot("role-editor");
        assertNoSeriousAccessibilityViolations();
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(editor).hasCount(0);
        assertThat(page.locator("vaadin-grid")).containsText("Key Makers");
        screenshot("roles");

        assignKeyMakersToSam(true);

        // sam, in his own browser session
        BrowserContext samContext = newContext();
        Page sam = samContext.newPage();
        signIn(sam, "sam", "sam");
        sam.navigate(url("/account"));
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        Locator newKey = sam.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill("sam's script");
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add all"))
                .click();
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();
        Locator save = sam.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        String key = save.getByLabel("API key").inputValue();
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"))
                .click();
        assertThat(apiStatus(key, "/api/v1/account/keys")).isEqualTo(200);

        assignKeyMakersToSam(false);

        // a change to his account ends sam's open session: his page goes to the sign-in page by itself
        assertThat(sam).hasURL(SIGN_IN_AFTER_END);
        assertThat(sam.getByText("Your session has ended")).isVisible();
        signIn(sam, "sam", "sam");
        sam.navigate(url("/account"));
        assertThat(sam.locator("#api-keys-hint")).isVisible();
        assertThat(sam.locator("#api-keys-section")).hasCount(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        int status;
        do {
            status = apiStatus(key, "/api/v1/account/keys");
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(403);

        page.navigate(url("/admin/audit"));
        assertThat(page.locator("vaadin-grid")).containsText("Role assigned");
        assertThat(page.locator("vaadin-grid")).containsText("Role removed");
        // the number of events, exact: a few hundred are counted at once, with no "about"
        assertThat(page.locator("#audit-count")).hasText(java.util.regex.Pattern.compile("^[\\d,]+ events$"));
        // at 1280 px the five filters stand in one row: "To" does not wrap under "Type"
        double typeTop = page.getByLabel("Type").boundingBox().y;
        assertThat(page.getByLabel("To (UTC)").boundingBox().y).isEqualTo(typeTop);
        screenshot("audit");
        samContext.close();
    }

    @Test
    void checkingAnAreaAndUncheckingItAgainSavesOnlyWhatIsCheckedAtTheEnd() {
        signIn("admin", "admin");
        page.navigate(url("/admin/roles"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New role"))
                .click();
        Locator editor = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New role"));
        String name = "Undo " + System.nanoTime();
        editor.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill(name);
        editor.getByLabel("View Roles").check();
        editor.getByLabel("Users", new Locator.GetByLabelOptions().setExact(true))
                .check();
        assertThat(editor.getByLabel("Manage Users")).isChecked();
        assertThat(editor.getByLabel("Manage Users")).isDisabled();
        editor.getByLabel("Users", new Locator.GetByLabelOptions().setExact(true))
                .uncheck();
        assertThat(editor.getByLabel("Manage Users")).not().isChecked();
        assertThat(editor.getByLabel("Manage Users")).isEnabled();
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(editor).hasCount(0);

        long id = roles.findIdByName(name).orElseThrow();
        assertThat(roles.findDetails(id).orElseThrow().authorities()).containsExactly("VIEW_ROLES");
    }

    private void assignKeyMakersToSam(boolean assign) {
        toggleRole("sam", "Key Makers");
        Locator details = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("User Account Details"));
        if (assign) {
            assertThat(details.locator(".badges")).containsText("Key Makers");
        } else {
            assertThat(details.locator(".badges")).not().containsText("Key Makers");
        }
    }

    private int apiStatus(String key, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("X-Api-Key", key)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
