package com.keyward.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.ApiStatus;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import testsupport.oidc.TestOidcProvider;

/**
 * kim exists only at the OpenID Connect provider (Spring Security's authorization server, started
 * for the tests), in the group key-makers: the whole redirect flow in Chromium, authorization code
 * with PKCE, no mocked tokens. Keyward is reached at 127.0.0.1, the provider at localhost, so
 * that each keeps its own session cookie.
 */
class SsoIT extends BrowserTest {

    @BeforeEach
    void registerThisKeyward() {
        TestOidcProvider.keywardPort(port);
    }

    @Override
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void kimSignsInThroughTheProviderGeneratesAKeyAndSigningOutEndsBothSessions() throws Exception {
        page.navigate(url("/login"));
        page.getByText("Sign in with Corp SSO").click();
        // the provider's own sign-in page
        assertThat(page).hasURL(Pattern.compile("http://localhost:\\d+/login"));
        page.getByLabel("Username").fill("kim");
        page.getByLabel("Password").fill("kim-sso-pass");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.locator("vaadin-app-layout").waitFor();
        assertThat(page).hasURL(Pattern.compile("http://127\\.0\\.0\\.1:\\d+/.*"));

        page.navigate(url("/account"));
        assertThat(page.locator(".user-account-details")).containsText("API Integrator");
        String key = generateAccountApiKey("Kim's job");
        assertThat(ApiStatus.of(url(""), key)).isEqualTo(200);
        page.locator(".user-menu").getByText("Kim Sso").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page).hasURL(Pattern.compile("http://127\\.0\\.0\\.1:\\d+/login\\?signed-out$"));
        assertThat(page.getByText("You have signed out.")).isVisible();
        screenshot("sso-login");
        // the provider's session ended too: signing in again asks for the password
        page.getByText("Sign in with Corp SSO").click();
        assertThat(page).hasURL(Pattern.compile("http://localhost:\\d+/login"));
        assertThat(page.getByLabel("Password")).isVisible();
    }

    @Test
    void aProviderAnswerWithoutAUsernameAndALocalNamesakeAreRefusedWithAClearMessage() {
        ssoSignIn(page, "nemo", "nemo-sso-pass");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?sso=keyward_no_username$"));
        assertThat(page.getByText("did not say who you are")).isVisible();

        Page dana = newContext().newPage();
        ssoSignIn(dana, "dana", "dana-sso-pass");
        assertThat(dana).hasURL(Pattern.compile(".*/login\\?sso=keyward_username_taken$"));
        assertThat(dana.getByText("belongs to another Keyward account")).isVisible();
    }

    @Test
    void anotherSubjectAssertingCleosNameIsRefusedAndAnAccentedLookAlikeGetsAnAccountOfItsOwn() {
        ssoSignIn(page, "cleo", "cleo-sso-pass");
        page.locator("vaadin-app-layout").waitFor();
        try {
            // mallory, another subject at the provider, whose token says she is CLEO
            TestOidcProvider.ASSERTED.put("mallory", "CLEO");
            Page mallory = newContext().newPage();
            ssoSignIn(mallory, "mallory", "mallory-sso-pass");
            assertThat(mallory).hasURL(Pattern.compile(".*/login\\?sso=keyward_username_bound$"));
            assertThat(mallory.getByText("bound to another person at the provider"))
                    .isVisible();
            screenshot(mallory, "sso-look-alike-refused");

            // cléo is another handle: an account of mallory's own, cleo's untouched
            TestOidcProvider.ASSERTED.put("mallory", "cléo");
            Page lookAlike = newContext().newPage();
            ssoSignIn(lookAlike, "mallory", "mallory-sso-pass");
            lookAlike.locator("vaadin-app-layout").waitFor();
            lookAlike.navigate(url("/account"));
            assertThat(lookAlike.locator(".user-account-details")).containsText("mallory@idp.example");
            page.navigate(url("/account"));
            assertThat(page.locator(".user-account-details")).containsText("cleo@idp.example");
            assertThat(page.locator(".user-account-details")).not().containsText("mallory");
        } finally {
            TestOidcProvider.ASSERTED.clear();
        }
    }

    @Test
    void aForgedCallbackIsRefused() {
        page.navigate(url("/login/oauth2/code/corp?code=stolen-code&state=forged-state"));
        assertThat(page).hasURL(Pattern.compile(".*/login\\?sso=authorization_request_not_found$"));
        assertThat(page.getByText("without the request Keyward sent")).isVisible();
    }

    @Test
    void theMappedRoleFollowsTheGroupsAtEachSignIn() {
        TestOidcProvider.GROUPS.put("cleo", java.util.List.of("key-makers"));
        try {
            ssoSignIn(page, "cleo", "cleo-sso-pass");
            page.locator("vaadin-app-layout").waitFor();
            page.navigate(url("/account"));
            assertThat(page.locator(".user-account-details")).containsText("API Integrator (SSO group)");
            assertThat(page.locator(".user-account-details")).containsText("Last SSO sign-in");

            TestOidcProvider.GROUPS.put("cleo", java.util.List.of());
            Page again = newContext().newPage();
            ssoSignIn(again, "cleo", "cleo-sso-pass");
            again.locator("vaadin-app-layout").waitFor();
            again.navigate(url("/account"));
            assertThat(again.locator(".user-account-details")).not().containsText("API Integrator");
        } finally {
            TestOidcProvider.GROUPS.put("cleo", java.util.List.of());
        }
    }

    /** Through Keyward's "Sign in with" button and the provider's own sign-in page. */
    private void ssoSignIn(Page in, String username, String password) {
        in.navigate(url("/login"));
        in.getByText("Sign in with Corp SSO").click();
        in.getByLabel("Username").fill(username);
        in.getByLabel("Password").fill(password);
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }
}
