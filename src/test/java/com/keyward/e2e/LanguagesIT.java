package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A browser that asks for German gets German: the sign-in page, the shell, the key dialogs, the
 * services' messages, dates as Germans write them in the browser's time zone; a person's own
 * choice in the user menu wins and is remembered.
 */
class LanguagesIT extends BrowserTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** "29.11.2026, 20:41": the German medium date and short time; group 1 is the hour. */
    private static final Pattern GERMAN_MINUTE = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}, (\\d{2}):\\d{2}");

    @Test
    void aGermanBrowserGetsKeywardInGermanFromSignInToTheKeyDialog() {
        BrowserContext german = germanBrowser();
        page = german.newPage();
        page.navigate(url("/login"));
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.getByText("API-Schlüssel und Zugriff für die Anwendungen Ihrer Organisation"))
                .isVisible();
        submitGerman(page, "dana");
        assertThat(page.locator(".page-title")).hasText("Start");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Hauptnavigation")))
                .isVisible();
        assertThat(page).hasTitle("Start");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Benutzer").setExact(true))
                .click();
        assertThat(page.locator(".page-title")).hasText("Benutzerverwaltung");
        assertThat(page.locator("#user-count")).hasText(Pattern.compile("^[\\d.]+ Benutzer$"));
        assertNoSeriousAccessibilityViolations();

        page.navigate(url("/account"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schlüssel erzeugen"))
                .click();
        Locator newKey = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Neuer API-Schlüssel"));
        assertThat(newKey.getByText("Verfügbare API", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        // the computed expiry in German: "Der Schlüssel läuft am 27.02.2027, 19:05 ab."
        assertThat(newKey.getByText(
                        Pattern.compile("Der Schlüssel läuft am \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2} ab\\.")))
                .isVisible();

        // a date as Germans write it is read; one that does not exist is named
        newKey.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Eigenes Datum"))
                .check();
        Locator date = newKey.getByLabel("Ablaufdatum (UTC)");
        date.fill("31.02.2027");
        date.press("Enter");
        assertThat(newKey.getByText("Geben Sie ein Datum wie 01.11.2026 ein.")).isVisible();
        date.fill("01.03.2027");
        date.press("Enter");
        assertThat(date).hasValue("01.03.2027");
        assertThat(newKey.getByText("Geben Sie ein Datum wie 01.11.2026 ein.")).hasCount(0);

        // what the service says comes back in German too
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fertigstellen"))
                .click();
        assertThat(newKey.getByText("Geben Sie einen Namen für den Schlüssel ein."))
                .isVisible();
        assertThat(newKey.getByText("Wählen Sie mindestens ein API-Set.")).isVisible();
        screenshot("new-api-key-de");
        assertNoSeriousAccessibilityViolations();

        // finished, the key's times are the browser's (Berlin: UTC+1 in winter), written the German way
        int hourBefore = ZonedDateTime.now(BERLIN).getHour();
        newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill("Schlüssel für Berlin");
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Account API"))
                .dblclick();
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Fertigstellen"))
                .click();
        Locator save =
                page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Erzeugten Schlüssel sichern"));
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("In die Zwischenablage kopieren"))
                .click();
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schließen"))
                .click();
        Locator trotzdem = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trotzdem schließen"));
        if (trotzdem.isVisible()) {
            trotzdem.click();
        }
        int hourAfter = ZonedDateTime.now(BERLIN).getHour();
        Locator created = page.locator("vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(GERMAN_MINUTE))
                .first();
        assertThat(created).isVisible();
        Matcher shown = GERMAN_MINUTE.matcher(created.innerText());
        assertThat(shown.find()).isTrue();
        assertThat(Integer.parseInt(shown.group(1))).isIn(hourBefore, hourAfter);
        german.close();
    }

    @Test
    void onAPhoneTheGermanConsoleKeepsItsPriorityColumnsAndDialogs() {
        BrowserContext german = germanBrowser();
        page = german.newPage();
        page.setViewportSize(390, 844);
        signInGerman("admin");
        page.navigate(url("/admin/users"));
        assertThat(page.locator(".page-title")).hasText("Benutzerverwaltung");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")))
                .isVisible();
        screenshot("users-phone-de");
        page.navigate(url("/admin/users/dana"));
        assertThat(page.getByText("Benutzerkontodetails", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        screenshot("account-phone-de");
        page.navigate(url("/account/api-keys"));
        assertThat(page.locator(".page-title")).hasText("Meine API-Schlüssel");
        screenshot("my-api-keys-phone-de");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schlüssel erzeugen"))
                .click();
        assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Neuer API-Schlüssel"))
                        .getByText("Verfügbare API", new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        screenshot("new-api-key-phone-de");
        german.close();
    }

    @Test
    void aPersonsOwnLanguageWinsOverTheBrowsersAndIsRemembered() {
        BrowserContext german = germanBrowser();
        page = german.newPage();
        signInGerman("sam");
        assertThat(page.locator(".page-title")).hasText("Start");

        chooseLanguage("Mein Konto", "English", "en");
        assertThat(page.locator(".page-title")).hasText("Home");
        assertThat(page.locator("html")).hasAttribute("lang", "en");

        // another German browser: sam's choice, not the browser's
        BrowserContext another = germanBrowser();
        Page second = another.newPage();
        second.navigate(url("/login"));
        submitGerman(second, "sam");
        assertThat(second.locator(".page-title")).hasText("Home");
        assertThat(second.locator("html")).hasAttribute("lang", "en");
        another.close();

        // and back to following the browser
        chooseLanguage("My account", "Like the browser", "de");
        assertThat(page.locator(".page-title")).hasText("Start");
        german.close();
    }

    private BrowserContext germanBrowser() {
        BrowserContext german = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800)
                .setLocale("de-DE")
                .setTimezoneId("Europe/Berlin"));
        german.setDefaultTimeout(20_000);
        return german;
    }

    private void signInGerman(String username) {
        page.navigate(url("/login"));
        submitGerman(page, username);
        page.locator("vaadin-app-layout").waitFor();
    }

    /** The German sign-in form on the open page; the demo personas' password is their username. */
    private static void submitGerman(Page in, String username) {
        in.getByLabel("Benutzername").fill(username);
        in.getByLabel("Passwort", new Page.GetByLabelOptions().setExact(true)).fill(username);
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden"))
                .click();
    }

    /**
     * On My account (named {@code myAccount} in the page's language); the page reloads in the
     * language chosen ({@code lang}), then the test goes on from the home page.
     */
    private void chooseLanguage(String myAccount, String choice, String lang) {
        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(myAccount))
                .click();
        page.locator("#preferences")
                .getByRole(
                        AriaRole.RADIO,
                        new Locator.GetByRoleOptions().setName(choice).setExact(true))
                .check();
        assertThat(page.locator("html")).hasAttribute("lang", lang);
        page.locator("#preferences").waitFor();
        page.navigate(url(""));
        page.locator("vaadin-app-layout").waitFor();
    }
}
