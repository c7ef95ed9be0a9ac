package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.ApiStatus;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyFixtures;
import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyUsageRecorder;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A key's life after generation, in Chromium: rolled with an overlap. */
class KeyLifecycleIT extends BrowserTest {

    @Autowired
    ApiKeyFixtures keys;

    @Autowired
    AuditFixtures audit;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyUsageRecorder usage;

    @Autowired
    com.keyward.apikey.KeyReminders reminders;

    @Autowired
    com.keyward.apikey.ApiKeyService keyService;

    @Test
    void danaRollsHerKeyWithAOneHourOverlapAndTheOldKeyStopsWhenTheOverlapEnds() throws Exception {
        long dana = accounts.idOf("dana");
        keys.revokeAllOf(dana);
        signIn("dana", "dana");
        page.navigate(url("/account"));
        String oldKey = generateAccountApiKey("Nightly export");
        ApiKeyInfo old = keys.findByOwner(dana, 0, 1).getFirst();

        Locator roll = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Roll key"));
        clickUntil(
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Roll key Nightly export")),
                roll.getByText("1 hour"));
        roll.getByText("1 hour").click();
        roll.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();
        Locator save = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        String newKey = save.locator("#generated-key input").inputValue();
        assertThat(newKey).startsWith("kw_").isNotEqualTo(oldKey);
        screenshot("roll-key-saved");
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy to clipboard"))
                .click();
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();

        // the list links the pair and says how long the old key works
        Locator grid = page.locator("vaadin-grid");
        assertThat(grid).containsText("Rolled — works until");
        assertThat(grid)
                .containsText("Rolled to "
                        + keys.findById(old.id()).orElseThrow().hint().substring(0, 3));
        assertThat(grid).containsText("Replaces " + old.hint());
        screenshot("rolled-key");

        // during the overlap both keys work
        assertThat(ApiStatus.of(url(""), oldKey)).isEqualTo(200);
        assertThat(ApiStatus.of(url(""), newKey)).isEqualTo(200);

        // the overlap ends (moved to the past, as if the hour had gone by): the old key stops
        keys.endNow(old.id());
        assertThat(ApiStatus.within5s(url(""), oldKey, 401)).isEqualTo(401);
        assertThat(ApiStatus.of(url(""), newKey)).isEqualTo(200);

        assertThat(audit.findPage(AuditFilter.NONE, 0, 20))
                .anySatisfy(event -> assertThat(event.details())
                        .contains("Nightly export", old.hint(), "rolled to")
                        .doesNotContain(oldKey, newKey));
    }

    @Test
    void theUsageChartShowsTheCallsTheTestMade() throws Exception {
        keys.revokeAllOf(accounts.idOf("dana"));
        signIn("dana", "dana");
        page.navigate(url("/account"));
        String key = generateAccountApiKey("Counted");
        for (int call = 0; call < 6; call++) {
            assertThat(ApiStatus.of(url(""), key)).isEqualTo(200);
        }
        usage.flush();
        page.reload();

        Locator chart = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Usage of Counted"));
        assertThat(chart)
                .hasAttribute("aria-label", java.util.regex.Pattern.compile(".*: 6 requests in the last 30 days.*"));
        // drawn by the grid's renderer: a bar per day, today's the full height of the chart
        assertThat(chart.locator(".usage-day")).hasCount(30);
        assertThat(chart.locator(".usage-calls[style='height:21px']")).hasCount(1);
        chart.click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Key \"Counted\""));
        assertThat(dialog.locator("#usage-totals")).containsText("6 requests in the last 30 days");
        assertThat(dialog.locator("svg.usage-chart rect.usage-calls")).hasCount(1);
        assertThat(dialog.locator("vaadin-grid")).containsText("6");
        screenshot("key-usage");
    }

    @Test
    void anAdminRevokesThreeKeysAtOnceExportsTheFilteredListAndDanaCannotOpenTheView() throws Exception {
        String owner =
                accounts.create("fleet", java.util.List.of(com.keyward.security.Authorities.MANAGE_USER_API_KEY));
        for (int i = 0; i < 3; i++) {
            accounts.keyOf(owner, "ACCOUNT");
        }
        signIn("admin", "admin");
        page.navigate(url("/admin/api-keys"));
        page.getByLabel("Owner", new Page.GetByLabelOptions().setExact(true)).fill(owner);
        assertThat(page.locator("#key-count")).hasText("3 keys");
        Locator grid = page.locator("vaadin-grid");
        // a click on a row selects it (a lazy grid offers no select-all: it would mean keys unseen)
        Locator names = grid.locator("vaadin-grid-cell-content", new Locator.LocatorOptions().setHasText("test key"));
        assertThat(names).hasCount(3);
        for (int row = 0; row < 3; row++) {
            names.nth(row).click();
        }
        screenshot("admin-api-keys");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke selected"))
                .click();
        page.getByRole(AriaRole.ALERTDIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        assertThat(page.getByText("3 API keys revoked.")).isVisible();
        assertThat(grid).containsText("Revoked");

        com.microsoft.playwright.Download download =
                page.waitForDownload(() -> page.getByText("Export CSV").click());
        java.util.List<String> lines = java.nio.file.Files.readAllLines(download.path());
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(1, 4))
                .allSatisfy(line -> assertThat(line).startsWith(owner + ",").endsWith(",REVOKED"));

        // dana may not revoke others' keys: no menu entry, and the route refuses her
        signIn("dana", "dana");
        assertThat(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("API Keys").setExact(true)))
                .hasCount(0);
        page.navigate(url("/admin/api-keys"));
        assertThat(page.getByText("API keys of everyone")).hasCount(0);
        assertThat(page.locator("#key-count")).hasCount(0);
    }

    @Test
    void theBellShowsDanasKeyThatExpiresInFiveDays() {
        long dana = accounts.idOf("dana");
        keys.revokeAllOf(dana);
        accounts.signInAs("dana");
        reminders.markAllRead();
        keyService.generate(new com.keyward.apikey.NewApiKey(
                "Short-lived deploy",
                null,
                java.util.Set.of("ACCOUNT"),
                java.time.Instant.now().plus(java.time.Duration.ofDays(5))));
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        reminders.run();

        signIn("dana", "dana");
        page.navigate(url("/account"));
        Locator bell = page.locator("#reminder-bell");
        assertThat(bell).hasAttribute("aria-label", "Key reminders: 1 unread");
        assertThat(page.locator(".reminder-count")).hasText("1");
        assertThat(page.locator(".expires-soon")).containsText("Expires in 5 days");
        bell.click();
        Locator list = page.locator(".reminder-list");
        assertThat(list).containsText("\"Short-lived deploy\"");
        assertThat(list).containsText("expires in 5 days");
        screenshot("reminder-bell");
        page.keyboard().press("Escape");
        // opened once, read: the count is gone
        assertThat(page.locator(".reminder-count")).isHidden();
    }
}
