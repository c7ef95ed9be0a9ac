package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.user.NewUser;
import com.keyward.user.UserRepository;
import com.keyward.user.UserStatus;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in over real HTTP, as the browser's login form does it. */
@KeywardTest
class SignInHttpTest {

    @LocalServerPort int port;
    @Autowired UserRepository users;
    @Autowired PasswordEncoder passwordEncoder;

    @Test
    void anUnauthenticatedVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = client().send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theRightPasswordSignsInAndTheSessionStaysOutOfTheUrl() throws Exception {
        HttpResponse<String> response = signIn(client(), "dana", "dana");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> {
            assertThat(location).doesNotContain("error").doesNotContain("jsessionid");
        });
        assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(
                cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameGenericAnswer() throws Exception {
        assertThat(location(signIn(client(), "dana", "not-her-password"))).endsWith("/login?error");
        assertThat(location(signIn(client(), "nobody-by-this-name", "whatever"))).endsWith("/login?error");
    }

    @Test
    void aDisabledAccountIsRefusedWithItsReasonOnlyWhenThePasswordIsRight() throws Exception {
        assertThat(location(signIn(client(), "olga", "olga"))).endsWith("/login?disabled");
        assertThat(location(signIn(client(), "olga", "wrong"))).endsWith("/login?error");
    }

    @Test
    void anExpiredAccountIsRefused() throws Exception {
        createUser("expired-erin", UserStatus.ENABLED, Instant.now().minus(1, ChronoUnit.DAYS));
        assertThat(location(signIn(client(), "expired-erin", "expired-erin"))).endsWith("/login?expired");
    }

    @Test
    void fiveConsecutiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        createUser("lockable-lee", UserStatus.ENABLED, null);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(location(signIn(client(), "lockable-lee", "wrong-" + attempt))).endsWith("/login?error");
        }
        assertThat(users.findSignInAccount("lockable-lee").orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        assertThat(location(signIn(client(), "lockable-lee", "wrong-5"))).endsWith("/login?error");

        assertThat(users.findSignInAccount("lockable-lee").orElseThrow().status()).isEqualTo(UserStatus.LOCKED);
        assertThat(location(signIn(client(), "lockable-lee", "lockable-lee"))).endsWith("/login?locked");
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        createUser("forgetful-fay", UserStatus.ENABLED, null);
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(client(), "forgetful-fay", "wrong");
        }
        assertThat(location(signIn(client(), "forgetful-fay", "forgetful-fay"))).doesNotContain("error");
        assertThat(users.failedSignIns("forgetful-fay")).isZero();
        assertThat(location(signIn(client(), "forgetful-fay", "wrong"))).endsWith("/login?error");
        assertThat(users.findSignInAccount("forgetful-fay").orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
    }

    private void createUser(String username, UserStatus status, Instant expiresAt) {
        users.insert(new NewUser(username, username, username + "@example.com", status, expiresAt,
                passwordEncoder.encode(username)), Instant.now());
    }

    private HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
    }

    private HttpResponse<String> signIn(HttpClient client, String username, String password) throws Exception {
        client.send(get("/login"), HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
