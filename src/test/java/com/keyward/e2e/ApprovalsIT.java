package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.TestAccounts;
import com.keyward.apiset.ApiSetService;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Four-eyes keys end to end: the admin makes the Users API need an approver and sam an approver;
 * dana's key works for the Account API at once and for the Users API once sam approves; a second
 * key is denied with a reason that dana reads.
 */
class ApprovalsIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ApiSetService apiSets;

    @Autowired
    TestAccounts accounts;

    @Autowired
    DSLContext dsl;

    @Test
    void samApprovesDanasUsersApiKeyAndDeniesASecondOneWithAReasonDanaReads() throws Exception {
        try {
            signIn("admin", "admin");
            page.navigate(url("/admin/api-sets"));
            page.getByLabel("Needs approval: Users API").check();
            assertThat(page.getByText("New keys for Users API now need an approver."))
                    .isVisible();
            screenshot("api-sets-approval");
            makeSamAnApprover();

            // dana, in her own browser
            BrowserContext danaBrowser = newContext();
            Page dana = danaBrowser.newPage();
            signIn(dana, "dana", "dana");
            dana.navigate(url("/account"));
            String first = generateWithUsersApi(dana, "Directory export", "Nightly export to the HR system.");
            assertThat(dana.locator("vaadin-grid")).containsText("Users API (awaiting approval)");
            assertThat(status("/api/v1/account", first)).isEqualTo(200);
            HttpResponse<String> awaiting = call("/api/v1/users", first);
            assertThat(awaiting.statusCode()).isEqualTo(403);
            assertThat(awaiting.body()).contains("Awaiting Approval", "Users API");

            // sam approves, in his own browser
            BrowserContext samBrowser = newContext();
            Page sam = samBrowser.newPage();
            signIn(sam, "sam", "sam");
            assertThat(sam.locator("#approvals-bell")).hasAttribute("aria-label", "Keys waiting for an approver: 1");
            sam.locator("#approvals-bell").click();
            assertThat(sam).hasURL(url("/admin/approvals"));
            Locator requests = sam.locator("vaadin-grid");
            assertThat(requests).containsText("Dana Developer (dana)");
            assertThat(requests).containsText("Directory export");
            assertThat(requests).containsText("Nightly export to the HR system.");
            sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve Directory export of dana"))
                    .click();
            assertThat(sam.getByText("Approved \"Directory export\" of dana")).isVisible();
            long approved = System.nanoTime();
            int users = status("/api/v1/users", first);
            while (users != 200
                    && System.nanoTime() - approved < Duration.ofSeconds(5).toNanos()) {
                Thread.sleep(100);
                users = status("/api/v1/users", first);
            }
            System.out.printf(
                    "Users API answered %d %d ms after sam approved%n",
                    users, (System.nanoTime() - approved) / 1_000_000);
            assertThat(users).isEqualTo(200);

            // a second key, denied with a reason
            String second = generateWithUsersApi(dana, "Second export", "A copy for testing.");
            sam.reload();
            sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deny Second export of dana"))
                    .click();
            Locator deny =
                    sam.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Deny \"Second export\""));
            deny.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deny"))
                    .click();
            assertThat(deny.getByText("Say why you deny it")).isVisible();
            deny.getByLabel("Reason").fill("Testing uses the staging directory.");
            screenshot(sam, "approval-deny");
            deny.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deny"))
                    .click();
            assertThat(sam.getByText("Denied \"Second export\" of dana.")).isVisible();
            assertThat(sam.getByText("No key waits for an approver.")).isVisible();

            dana.reload();
            assertThat(dana.locator("#reminder-bell")).hasAttribute("aria-label", "Key reminders: 2 unread");
            dana.locator("#reminder-bell").click();
            assertThat(dana.locator(".reminder-list")).containsText("\"Second export\"");
            assertThat(dana.locator(".reminder-list")).containsText("Testing uses the staging directory.");
            assertThat(dana.locator(".reminder-list")).containsText("\"Directory export\"");
            dana.keyboard().press("Escape");
            assertThat(status("/api/v1/account", second)).isEqualTo(200);
            HttpResponse<String> denied = call("/api/v1/users", second);
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.body()).doesNotContain("Awaiting Approval");
            danaBrowser.close();
            samBrowser.close();
        } finally {
            // the rest of the suite generates Users API keys without an approver
            accounts.signInAs("admin");
            try {
                apiSets.setNeedsApproval("USERS", false);
            } finally {
                SecurityContextHolder.clearContext();
            }
            dsl.execute("DELETE FROM user_role WHERE role_id IN (SELECT id FROM role WHERE name = 'Approvers')");
        }
    }

    /** A role with Approve API Keys, made in Admin › Roles and given to sam in User Management. */
    private void makeSamAnApprover() {
        page.navigate(url("/admin/roles"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New role"))
                .click();
        Locator editor = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New role"));
        editor.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill("Approvers");
        editor.getByLabel("Description").fill("Approve API keys for sensitive sets");
        editor.getByLabel("Approve API Keys").check();
        editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(editor).hasCount(0);

        toggleRole("sam", "Approvers");
    }

    /** New API Key with the Account API and the Users API: the window says an approver is needed. */
    private String generateWithUsersApi(Page in, String name, String justification) {
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate key"))
                .click();
        Locator newKey = in.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New API Key"));
        newKey.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true))
                .fill(name);
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Account API"))
                .dblclick();
        assertThat(newKey.locator("#approval-note")).isHidden();
        newKey.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName("Users API"))
                .dblclick();
        assertThat(newKey.locator("#approval-note")).containsText("An approver must approve Users API");
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();
        assertThat(newKey.getByText("Say why you need a set that needs approval"))
                .isVisible();
        newKey.getByLabel("Justification").fill(justification);
        newKey.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Finish"))
                .click();
        Locator save = in.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Save generated key"));
        String key = save.locator("#generated-key input").inputValue();
        save.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close anyway"))
                .click();
        assertThat(save).hasCount(0);
        return key;
    }

    private int status(String path, String key) throws Exception {
        return call(path, key).statusCode();
    }

    private HttpResponse<String> call(String path, String key) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("X-Api-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
