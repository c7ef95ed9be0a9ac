package com.keyward.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import testsupport.oidc.TestOidcProvider;

/**
 * An SSO account is bound to the provider's (issuer, subject): another subject whose token
 * asserts kim's username, or a look-alike of it, never lands in kim's account. The whole
 * authorization-code flow over HTTP against the test provider (Spring Authorization Server).
 */
@KeywardTest
class SsoIdentityTest {

    private static final Pattern PROVIDER_CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    DSLContext dsl;

    @LocalServerPort
    int port;

    @BeforeEach
    void registerThisKeyward() {
        TestOidcProvider.keywardPort(port);
    }

    @AfterEach
    void mallorySaysWhoSheIs() {
        TestOidcProvider.ASSERTED.clear();
    }

    @Test
    void anotherSubjectAssertingKimsUsernameIsRefusedAndKimsAccountStaysHers() throws Exception {
        assertThat(signIn("kim", "kim-sso-pass")).isEqualTo("/");
        long kim = idOf("kim");

        for (String asserted : List.of("kim", "KIM", "ｋｉｍ")) {
            TestOidcProvider.ASSERTED.put("mallory", asserted);
            assertThat(signIn("mallory", "mallory-sso-pass"))
                    .as("mallory asserting %s", asserted)
                    .isEqualTo("/login?sso=keyward_username_bound");
        }

        assertThat(value("SELECT display_name FROM app_user WHERE id = " + kim)).isEqualTo("Kim Sso");
        assertThat(value("SELECT email FROM app_user WHERE id = " + kim)).isEqualTo("kim@idp.example");
        assertThat(dsl.fetch(
                                "SELECT actor_username, details FROM audit_event WHERE type = 'SIGN_IN_REFUSED'"
                                        + " AND target_user_id = ?",
                                kim)
                        .map(row -> row.get(0) + " | " + row.get(1)))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(
                        entry -> assertThat(entry).startsWith("sso:mallory | ").contains("subject mallory"));
        // kim herself still signs in
        assertThat(signIn("kim", "kim-sso-pass")).isEqualTo("/");
    }

    @Test
    void anotherSubjectAssertingAnAccentedLookAlikeGetsAnAccountOfItsOwn() throws Exception {
        assertThat(signIn("kim", "kim-sso-pass")).isEqualTo("/");
        long kim = idOf("kim");
        TestOidcProvider.ASSERTED.put("trudy", "kím");

        assertThat(signIn("trudy", "trudy-sso-pass")).isEqualTo("/");

        assertThat(value("SELECT email FROM app_user WHERE id = " + kim)).isEqualTo("kim@idp.example");
        assertThat(value("SELECT display_name FROM app_user WHERE id = " + kim)).isEqualTo("Kim Sso");
        assertThat(value("SELECT email FROM app_user WHERE username = 'kím' AND id <> " + kim))
                .isEqualTo("trudy@idp.example");
    }

    /** Keyward's "Sign in with Corp SSO", the provider's own form, and back: where Keyward sends the browser. */
    private String signIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> providerForm = browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/corp"))
                        // as a browser asks: the provider sends others a 401, not its sign-in page
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = PROVIDER_CSRF.matcher(providerForm.body());
        assertThat(csrf.find())
                .as("the provider's sign-in form at %s: %s", providerForm.uri(), providerForm.body())
                .isTrue();
        HttpClient noFollow = HttpClient.newBuilder()
                .cookieHandler(browser.cookieHandler().orElseThrow())
                .build();
        URI next = providerForm.uri();
        HttpResponse<String> answer = noFollow.send(
                HttpRequest.newBuilder(next)
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // through the provider's redirects until Keyward answers the callback
        while (answer.statusCode() == 302) {
            next = next.resolve(answer.headers().firstValue("Location").orElseThrow());
            if (next.getPort() == port && !next.getPath().startsWith("/login/oauth2/code/")) {
                return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
            }
            answer = noFollow.send(
                    HttpRequest.newBuilder(next).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        throw new AssertionError("no redirect back to Keyward: " + answer.statusCode() + " at " + next);
    }

    private long idOf(String username) {
        return dsl.fetchSingle("SELECT id FROM app_user WHERE username = ?", username)
                .get(0, Long.class);
    }

    private String value(String sql) {
        return String.valueOf(dsl.fetchSingle(sql).get(0));
    }
}
