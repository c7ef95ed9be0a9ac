package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.ApiStatus;
import com.keyward.directory.EmbeddedDirectory;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * lena exists only in the company directory (the in-memory UnboundID server), in the group that
 * maps to API Integrator: she signs in with her directory password, generates a key, and loses
 * both when the directory disables her and an administrator syncs.
 */
class DirectoryIT extends BrowserTest {

    private static final String LENA = "uid=lena,ou=people,dc=corp";

    @Autowired
    EmbeddedDirectory directory;

    @Test
    void lenaSignsInWithTheDirectoryGeneratesAKeyAndLosesItWhenTheDirectoryDisablesHer() throws Exception {
        signIn("lena", "lena-directory-pass");
        page.navigate(url("/account"));
        assertThat(page.locator(".user-account-details")).containsText("API Integrator (directory group)");
        assertThat(page.getByText("You sign in through your organisation's directory"))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")))
                .hasCount(0);
        String key = generateAccountApiKey("Lena's pipeline");
        assertThat(ApiStatus.of(url(""), key)).isEqualTo(200);
        screenshot("directory-account");

        Page admin = newContext().newPage();
        signIn(admin, "admin", "admin");
        directory.server().modify(LENA, new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
        try {
            admin.navigate(url("/admin/users/lena"));
            openSection(admin, "Manage this account");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now"))
                    .click();
            assertThat(admin.getByText("is no longer in the directory")).isVisible();
            assertThat(admin.getByRole(AriaRole.DIALOG)).containsText("Disabled in the directory");
            assertThat(ApiStatus.within5s(url(""), key, 401)).isEqualTo(401);
            // her open page ends, and she cannot sign in again
            assertThat(page)
                    .hasURL(
                            SIGN_IN_AFTER_END,
                            new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(15_000));
            submitLogin("lena", "lena-directory-pass");
            assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        } finally {
            directory.server().modify(LENA, new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
        }
        admin.navigate(url("/admin/users/lena"));
        openSection(admin, "Manage this account");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now"))
                .click();
        assertThat(admin.getByText("is in the directory")).isVisible();
        signIn("lena", "lena-directory-pass");
        assertThat(ApiStatus.within5s(url(""), key, 200)).isEqualTo(200);
    }
}
