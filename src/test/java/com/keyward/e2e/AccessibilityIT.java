package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * axe-core finds nothing, of any impact, on every page and window of the console: in English
 * and German, light and dark (the system's scheme, as a browser reports it).
 */
class AccessibilityIT extends BrowserTest {

    private final List<String> findings = new ArrayList<>();

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"en-US, LIGHT", "en-US, DARK", "de-DE, LIGHT", "de-DE, DARK"})
    void everyPageAndWindowHasNoAccessibilityFinding(String language, ColorScheme scheme) {
        BrowserContext browserProfile = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800)
                .setLocale(language)
                .setColorScheme(scheme));
        browserProfile.setDefaultTimeout(20_000);
        page = browserProfile.newPage();
        boolean german = language.startsWith("de");

        page.navigate(url("/login"));
        // the network falls idle before the client has drawn the view: wait for what a person waits for
        page.getByLabel(german ? "Benutzername" : "Username").waitFor();
        check("sign-in");
        page.getByLabel(german ? "Benutzername" : "Username").fill("admin");
        page.getByLabel(german ? "Passwort" : "Password", new Page.GetByLabelOptions().setExact(true))
                .fill("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(german ? "Anmelden" : "Log in"))
                .click();
        page.locator("vaadin-app-layout").waitFor();
        check("home");

        for (String path : List.of(
                "/admin/users",
                "/admin/roles",
                "/admin/api-keys",
                "/admin/audit",
                "/account",
                "/account/api-keys",
                "/nothing-here")) {
            page.navigate(url(path));
            page.locator("vaadin-app-layout").waitFor();
            check(path);
        }

        page.navigate(url("/admin/users/dana"));
        page.getByText(
                        german ? "Benutzerkontodetails" : "User Account Details",
                        new Page.GetByTextOptions().setExact(true))
                .waitFor();
        // with what is built on demand open too: the administration and dana's API keys
        openSection(page, german ? "Dieses Konto verwalten" : "Manage this account");
        openSection(page, german ? "API-Schlüssel anzeigen" : "Show API keys");
        page.locator("#api-keys-section vaadin-grid").waitFor();
        check("User Account Details");

        page.navigate(url("/admin/users"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(german ? "Neuer Benutzer" : "New user"))
                .click();
        page.getByRole(AriaRole.DIALOG)
                .getByText(german ? "Anlegen" : "Create", new Locator.GetByTextOptions().setExact(true))
                .waitFor();
        check("New user");
        page.keyboard().press("Escape");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(german ? "Benutzer importieren" : "Import users"))
                .click();
        page.getByRole(AriaRole.DIALOG)
                .getByText(german ? "Importieren" : "Import", new Locator.GetByTextOptions().setExact(true))
                .waitFor();
        check("Import users");
        page.keyboard().press("Escape");

        page.navigate(url("/account"));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(german ? "Passwort ändern" : "Change password"))
                .click();
        page.getByRole(AriaRole.DIALOG)
                .getByLabel(german ? "Aktuelles Passwort" : "Current password")
                .waitFor();
        check("Change password");
        page.keyboard().press("Escape");

        page.navigate(url("/admin/roles"));
        page.locator("vaadin-grid-cell-content")
                .getByText("API Integrator")
                .first()
                .click();
        page.getByText(german ? "Berechtigungen" : "Authorities", new Page.GetByTextOptions().setExact(true))
                .first()
                .waitFor();
        check("role editor");

        page.navigate(url("/account/api-keys"));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(german ? "Schlüssel erzeugen" : "Generate key"))
                .click();
        Locator newKey = page.getByRole(
                AriaRole.DIALOG, new Page.GetByRoleOptions().setName(german ? "Neuer API-Schlüssel" : "New API Key"));
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(german ? "Fertigstellen" : "Finish"))
                .click();
        newKey.locator("[role=alert], [invalid]").first().waitFor();
        check("New API Key after a failed Finish");
        newKey.getByLabel(german ? "Name" : "Name", new Locator.GetByLabelOptions().setExact(true))
                .fill("a11y " + language + " " + scheme);
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Account API"))
                .dblclick();
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(german ? "Fertigstellen" : "Finish"))
                .click();
        Locator save = page.getByRole(
                AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName(german ? "Erzeugten Schlüssel sichern" : "Save generated key"));
        save.getByLabel(german ? "API-Schlüssel" : "API key").waitFor();
        check("Save generated key");
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(german ? "Schließen" : "Close"))
                .click();
        check("close confirmation");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(german ? "Trotzdem schließen" : "Close anyway"))
                .click();
        assertThat(save).hasCount(0);
        check("the key list");

        String name = "a11y " + language + " " + scheme;
        page.locator("vaadin-grid-cell-content vaadin-button.key-name")
                .getByText(name)
                .click();
        page.getByRole(AriaRole.DIALOG).locator(".key-sets").waitFor();
        check("key details");
        page.keyboard().press("Escape");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName((german ? "Schlüssel " + name + " erneuern" : "Roll key " + name)))
                .click();
        page.getByRole(AriaRole.DIALOG)
                .getByText(german ? "Der alte Schlüssel funktioniert weiter" : "The old key keeps working")
                .first()
                .waitFor();
        check("Roll key");
        page.keyboard().press("Escape");

        // and the revoke confirmation; revoking also keeps admin below the key limit across runs
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName((german ? name + " widerrufen" : "Revoke " + name)))
                .click();
        Locator confirm = page.getByRole(AriaRole.ALERTDIALOG);
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(german ? "Abbrechen" : "Cancel"))
                .waitFor();
        check("revoke confirmation");
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(german ? "Widerrufen" : "Revoke"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName((german ? name + " widerrufen" : "Revoke " + name))))
                .hasCount(0);

        browserProfile.close();
        assertThat(findings).as(() -> String.join("\n", findings)).isEmpty();
    }

    /** Runs axe on the page as it is; every finding, whatever its impact, is noted with where. */
    private void check(String where) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        // not while a window fades in or out: half-transparent text is not what people read
        page.waitForFunction("() => !document.querySelector('vaadin-dialog[opening], vaadin-dialog[closing]')");
        page.waitForTimeout(250);
        List<Rule> violations = new AxeBuilder(page).analyze().getViolations();
        for (Rule rule : violations) {
            findings.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                    + rule.getNodes().stream()
                            .map(node -> node.getTarget() + " " + node.getFailureSummary())
                            .collect(Collectors.joining(", ")));
        }
    }
}
