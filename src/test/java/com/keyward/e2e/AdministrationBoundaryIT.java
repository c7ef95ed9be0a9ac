package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.TestAccounts;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Authorities;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reset-link climb of the security review, in Chromium: a person with Manage Users (and View
 * Users) only opens an Admin's account to reset its password and sign in as the Admin with the link.
 */
class AdministrationBoundaryIT extends BrowserTest {

    private static final String BOUNDARY = "Only someone who holds all of %s's authorities can change this account.";

    @Autowired
    TestAccounts accounts;

    @Autowired
    RoleFixtures roles;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DSLContext dsl;

    @Test
    void helpdeskSeesWhyAnAdminsAccountIsNotTheirsToChange() {
        String helpdesk = accounts.create("helpdesk", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USERS));
        signIn(helpdesk, helpdesk);
        page.navigate(url("/admin/users/admin"));
        Locator details = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("User Account Details"));
        openSection(page, "Manage this account");
        assertThat(details.locator("#administration-boundary")).hasText(BOUNDARY.formatted("admin"));
        assertThat(details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password…")))
                .hasCount(0);
        assertThat(details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save roles")))
                .hasCount(0);
        screenshot("administration-boundary");
    }

    /** The window was drawn while the account was still within reach; the service decides at the click. */
    @Test
    void aResetClickedAfterTheAccountBecameAnAdminIsRefusedAndNoLinkIsShown() {
        String helpdesk = accounts.create("helpdesk", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USERS));
        String target = accounts.create("climb", List.of(Authorities.VIEW_USERS));
        long targetId = accounts.idOf(target);
        signIn(helpdesk, helpdesk);
        page.navigate(url("/admin/users/" + target));
        Locator details = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("User Account Details"));
        openSection(page, "Manage this account");
        Locator reset = details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password…"));
        assertThat(reset).isVisible();
        String passwordBefore = passwordHash(targetId);

        transaction.executeWithoutResult(status -> roles.assign(targetId, roles.findBuiltInId()));
        reset.click();
        page.getByRole(
                        AriaRole.ALERTDIALOG,
                        new Page.GetByRoleOptions().setName("Reset the password of " + target + "?"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reset password"))
                .click();

        assertThat(page.getByText(BOUNDARY.formatted(target))).isVisible();
        assertThat(page.getByText("set-password link")).hasCount(0);
        assertThat(page.locator("a[href*='/set-password/']")).hasCount(0);
        assertThat(passwordHash(targetId)).isEqualTo(passwordBefore);
    }

    private String passwordHash(long userId) {
        return String.valueOf(dsl.fetchValue("SELECT password_hash FROM app_user WHERE id = ?", userId));
    }
}
