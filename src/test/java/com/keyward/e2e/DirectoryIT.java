package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.ApiStatus;
import com.keyward.directory.EmbeddedDirectory;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
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
        // back in the directory, back in Keyward; her keys were revoked when she left, for good
        assertThat(ApiStatus.of(url(""), key)).isEqualTo(401);
    }

    @Test
    void aLookAlikeEntryIsRefusedAndALeaversKeyStaysRevokedWhenTheNameReturns() throws Exception {
        addPerson("lotte", "Lotte Leaver", "lotte-directory-pass");
        signIn("lotte", "lotte-directory-pass");
        page.navigate(url("/account"));
        String key = generateAccountApiKey("Lotte's export");
        assertThat(ApiStatus.of(url(""), key)).isEqualTo(200);

        // another entry, whose uid is lotte's handle in full-width letters, with a password of its own
        addPerson("ｌｏｔｔｅ", "Mallory Fullwidth", "mallory-directory-pass");
        Page mallory = newContext().newPage();
        mallory.navigate(url("/login"));
        mallory.getByLabel("Username").fill("ｌｏｔｔｅ");
        mallory.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill("mallory-directory-pass");
        mallory.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(mallory).hasURL(Pattern.compile(".*/login\\?bound$"));
        assertThat(mallory.getByText("bound to another directory entry")).isVisible();
        screenshot(mallory, "directory-look-alike-refused");

        // lotte leaves; the sync revokes her key
        directory.server().delete("uid=lotte,ou=people,dc=corp");
        // and from her group, as a directory's referential integrity would
        directory
                .server()
                .modify(
                        "cn=key-makers,ou=groups,dc=corp",
                        new Modification(ModificationType.DELETE, "member", "uid=lotte,ou=people,dc=corp"));
        Page admin = newContext().newPage();
        signIn(admin, "admin", "admin");
        admin.navigate(url("/admin/users/lotte"));
        openSection(admin, "Manage this account");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now"))
                .click();
        assertThat(admin.getByText("is no longer in the directory")).isVisible();
        assertThat(ApiStatus.within5s(url(""), key, 401)).isEqualTo(401);

        // a new lotte: a new account; the leaver's keeps its revoked key under a handle of its own
        addPerson("lotte", "Lotte Newhire", "lotte-new-pass");
        Page newHire = newContext().newPage();
        signIn(newHire, "lotte", "lotte-new-pass");
        assertThat(ApiStatus.of(url(""), key)).isEqualTo(401);
        admin.navigate(url("/admin/api-keys"));
        admin.getByLabel("Owner", new Page.GetByLabelOptions().setExact(true)).fill("lotte");
        Locator grid = admin.locator("vaadin-grid");
        assertThat(grid).containsText("Lotte's export");
        assertThat(grid).containsText("lotte~left-");
        assertThat(grid).containsText("Revoked");
        screenshot(admin, "directory-leaver-keys-revoked");
    }

    private void addPerson(String uid, String name, String password) throws Exception {
        directory
                .server()
                .add(new Entry(
                        "uid=" + uid + ",ou=people,dc=corp",
                        new Attribute("objectClass", "top", "inetOrgPerson", "user"),
                        new Attribute("uid", uid),
                        new Attribute("cn", name),
                        new Attribute("sn", "Test"),
                        new Attribute("mail", "person@corp.example"),
                        new Attribute("userPassword", password),
                        new Attribute("userAccountControl", "512")));
        // in the group that maps to API Integrator: they may make keys
        directory
                .server()
                .modify(
                        "cn=key-makers,ou=groups,dc=corp",
                        new Modification(ModificationType.ADD, "member", "uid=" + uid + ",ou=people,dc=corp"));
    }
}
