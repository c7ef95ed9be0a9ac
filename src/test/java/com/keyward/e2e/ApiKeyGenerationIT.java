package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.apikey.ApiKeyFormat;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steps 3–5 of the seed as dana: Generate key → New API Key → Finish → Save generated key. */
class ApiKeyGenerationIT extends BrowserTest {

    @Test
    void danaGeneratesAKeyCopiesAndDownloadsItAndItIsGoneAfterClose() throws Exception {
        context.grantPermissions(
                List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
        signIn("dana", "dana");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))
                .click();
        page.getByLabel("Search users").fill("dana");
        assertThat(page.locator("#user-count")).hasText("1 user");
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("dana").setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();

        Locator newKey = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill("Release pipeline");
        newKey.getByLabel("Description").fill("Publishes builds");
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Account API"))
                .click();
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Users API"))
                .click();
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add selected"))
                .click();
        Locator selectedList =
                newKey.getByRole(AriaRole.LISTBOX, new Locator.GetByRoleOptions().setName("Selected API"));
        assertThat(selectedList).containsText("Users API");
        // a double-click moves an item across, and back
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Audit API"))
                .dblclick();
        assertThat(selectedList).containsText("Audit API");
        selectedList
                .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Audit API"))
                .dblclick();
        assertThat(selectedList).not().containsText("Audit API");
        // what the key can do, live: the Users API's endpoints; the Roles API, which dana may not use, refused
        Locator preview =
                newKey.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("What this key can do"));
        assertThat(preview).containsText("GET /api/v1/users");
        assertThat(preview).containsText("GET /api/v1/account/keys");
        assertThat(preview).not().containsText("would be refused");
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Roles API"))
                .dblclick();
        assertThat(preview)
                .containsText(
                        "Every call of the Roles API would be refused: you do not hold the View Roles authority.");
        assertThat(preview).not().containsText("GET /api/v1/roles");
        assertThat(preview).containsText("GET /api/v1/users");
        preview.locator(".key-preview-refused").scrollIntoViewIfNeeded();
        screenshot("new-api-key-preview");
        selectedList
                .getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Roles API"))
                .dblclick();
        assertThat(preview).not().containsText("Roles API");
        screenshot("new-api-key");
        assertNoSeriousAccessibilityViolations();
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();

        Locator save = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        assertThat(save).containsText("you will not be able to see it");
        assertThat(newKey).hasCount(0);
        save.getByLabel("API key").waitFor();
        screenshot("save-generated-key");
        assertNoSeriousAccessibilityViolations();

        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy to clipboard"))
                .click();
        assertThat(page.getByText("Key copied to the clipboard.")).isVisible();
        String copied = (String) page.evaluate("navigator.clipboard.readText()");

        Download download =
                page.waitForDownload(() -> save.getByText("Download").click());
        assertThat(download.suggestedFilename()).isEqualTo("Release_pipeline.APIKEY");
        String downloaded = Files.readString(download.path(), StandardCharsets.US_ASCII);

        assertThat(ApiKeyFormat.parse(copied)).contains(copied);
        assertThat(downloaded).isEqualTo(copied + "\n");

        // the downloaded key really unlocks the API, from an ordinary HTTP client
        java.net.http.HttpResponse<String> me = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/account")))
                                .header("X-Api-Key", downloaded.strip())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"dana\"");

        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(save).hasCount(0);
        Locator keys = page.locator("#api-keys-section vaadin-grid");
        assertThat(keys).containsText("Release pipeline");
        assertThat(keys).containsText("Account API, Users API");
        assertKeyIsNowhereOnThePage(copied);
    }

    @Test
    void copyWorksOnAPlainHttpIntranetHostWhereNavigatorClipboardIsMissing() {
        Browser intranetBrowser = launch("--host-resolver-rules=MAP keyward.intranet 127.0.0.1");
        try {
            BrowserContext intranet = intranetBrowser.newContext();
            intranet.grantPermissions(
                    List.of("clipboard-read", "clipboard-write"),
                    new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
            Page page = intranet.newPage();
            String base = "http://keyward.intranet:" + port;
            page.navigate(base + "/login");
            assertThat(page.evaluate("window.isSecureContext")).isEqualTo(false);
            assertThat(page.evaluate("typeof navigator.clipboard")).isEqualTo("undefined");
            page.getByLabel("Username").fill("dana");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                    .fill("dana");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            page.locator("vaadin-app-layout").waitFor();
            page.navigate(base + "/account");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                    .click();
            Locator newKey = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
            newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                    .fill("Intranet tool");
            newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add all"))
                    .click();
            newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                    .click();

            Locator save = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
            String shown = save.getByLabel("API key").inputValue();
            save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy to clipboard"))
                    .click();
            assertThat(page.getByText("Key copied to the clipboard.")).isVisible();

            // read the clipboard back from a secure origin of the same browser
            Page reader = intranet.newPage();
            reader.navigate(url("/login"));
            assertThat(reader.evaluate("navigator.clipboard.readText()")).isEqualTo(shown);
            assertThat(ApiKeyFormat.parse(shown)).contains(shown);
        } finally {
            intranetBrowser.close();
        }
    }

    /**
     * From the sign-in page to a saved key by keyboard alone, in at most 40 key presses (typed
     * text aside), with the focus where a keyboard user expects it after each page and window.
     */
    @Test
    void theWholeFlowWorksWithTheKeyboardOnlyInAtMostFortyKeyPresses() throws Exception {
        page.navigate(url("/login"));
        // the login form focuses its first field once Vaadin has started: type after that
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.waitForCondition(() -> focused().endsWith("|Username"));
        page.keyboard().type("dana");
        press("Tab");
        assertThat(focused()).endsWith("|Password");
        page.keyboard().type("dana");
        press("Enter");
        page.locator("vaadin-app-layout").waitFor();
        assertThat(page.locator(".page-title")).isFocused();

        tabTo("My API keys");
        press("Enter");
        assertThat(page).hasURL(url("/account/api-keys"));
        assertThat(page.locator(".page-title")).hasText("My API keys");
        assertThat(page.locator(".page-title")).isFocused();

        tabTo("Generate key");
        press("Enter");
        Locator newKey = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .waitFor();
        page.waitForCondition(() -> focused().endsWith("|Name"));
        page.keyboard().type("Keyboard key");
        tabTo("Available API");
        press("Space");
        // (a person waits the moment the server takes to enable it; Tab skips a disabled button)
        assertThat(newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add selected")))
                .isEnabled();
        tabTo("Add selected");
        press("Enter");
        assertThat(newKey.getByRole(AriaRole.LISTBOX, new Locator.GetByRoleOptions().setName("Selected API")))
                .containsText("Account API");
        // the expiry is one stop, on the checked choice; the next Tab leaves it
        tabTo("|Expires");
        assertThat(focused()).contains("90 days");
        press("Tab");
        assertThat(focused()).doesNotContain("|Expires");
        tabTo("Finish");
        press("Enter");

        Locator save = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        save.getByLabel("API key").waitFor();
        String shown = save.getByLabel("API key").inputValue();
        // Save generated key starts on Copy to clipboard, what its warning asks for first
        page.waitForCondition(() -> focused().contains("Copy to clipboard"));
        tabTo("Download");
        Download download = page.waitForDownload(() -> press("Enter"));
        assertThat(Files.readString(download.path(), StandardCharsets.US_ASCII)).isEqualTo(shown + "\n");
        tabTo("Close");
        press("Enter");
        assertThat(save).hasCount(0);
        assertThat(page.locator(".api-keys-section vaadin-grid")).containsText("Keyboard key");
        assertKeyIsNowhereOnThePage(shown);
        System.out.println("Keyboard-only flow, sign-in to Close: " + keyPresses + " key presses:\n  "
                + String.join("\n  ", keyTrail));
        assertThat(keyPresses).as("key presses from sign-in to Close").isLessThanOrEqualTo(40);
    }

    private void assertKeyIsNowhereOnThePage(String key) {
        assertThat(page.content()).doesNotContain(key);
        assertThat((Boolean) page.evaluate(
                        "key => [...document.querySelectorAll('input, textarea')]"
                                + ".some(field => field.value.includes(key))",
                        key))
                .isFalse();
        assertThat((String) page.evaluate("document.body.innerText")).doesNotContain(key);
    }
}
