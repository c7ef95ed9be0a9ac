package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.keyward.user.NewUser;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserStatus;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sign-in over real HTTP, as the browser's login form does it. */
@KeywardTest
class SignInHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    UserFixtures users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AuditFixtures audit;

    @Test
    void anUnauthenticatedVisitorIsSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = client().send(get("/"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theRightPasswordSignsInAndTheSessionStaysOutOfTheUrl() throws Exception {
        HttpResponse<String> response = signIn(client(), "dana", "dana");
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> {
            assertThat(location).doesNotContain("error").doesNotContain("jsessionid");
        });
        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameGenericAnswer() throws Exception {
        assertThat(location(signIn(client(), "dana", "not-her-password"))).endsWith("/login?error");
        assertThat(location(signIn(client(), "nobody-by-this-name", "whatever")))
                .endsWith("/login?error");
    }

    @Test
    void aDisabledAccountGetsTheSameAnswerForTheRightAndAWrongPassword() throws Exception {
        assertThat(location(signIn(client(), "olga", "olga"))).endsWith("/login?error");
        assertThat(location(signIn(client(), "olga", "wrong"))).endsWith("/login?error");
    }

    @Test
    void anExpiredAccountIsRefusedWithTheSameAnswer() throws Exception {
        createUser("expired-erin", UserStatus.ENABLED, Instant.now().minus(1, ChronoUnit.DAYS));
        assertThat(location(signIn(client(), "expired-erin", "expired-erin"))).endsWith("/login?error");
    }

    @Test
    void failedSignInsLockNothingAndAreNotAudited() throws Exception {
        String lee = unique("unlockable-lee");
        createUser(lee, UserStatus.ENABLED, null);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(location(signIn(client(), lee, "wrong-" + attempt))).endsWith("/login?error");
        }
        assertThat(users.findSignInAccount(lee).orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        assertThat(audit.findPage(new AuditFilter(AuditEventType.ACCOUNT_LOCKED, null, lee, null, null), 0, 5))
                .isEmpty();
    }

    @Test
    void aLockTakenBeforeVersion21RunsOutAndIsAudited() throws Exception {
        String lou = unique("lockable-lou");
        createUser(lou, UserStatus.ENABLED, null);
        // as failed sign-ins locked accounts before: a lock whose end has come
        users.lock(
                users.findIdByUsername(lou).orElseThrow(), 5, 1, Instant.now().minusSeconds(1));

        assertThat(location(signIn(client(), lou, lou))).doesNotContain("error");
        assertThat(users.findSignInAccount(lou).orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        assertThat(audit.findPage(new AuditFilter(AuditEventType.ACCOUNT_UNLOCKED, null, lou, null, null), 0, 5))
                .extracting(AuditEvent::details)
                .contains("The lock ran out");
    }

    @Test
    void aLockedAccountGetsTheSameAnswerForTheRightAndAWrongPassword() throws Exception {
        String lyn = unique("locked-lyn");
        createUser(lyn, UserStatus.ENABLED, null);
        users.lock(
                users.findIdByUsername(lyn).orElseThrow(), 5, 1, Instant.now().plusSeconds(3600));
        HttpResponse<String> right = signIn(client(), lyn, lyn);
        HttpResponse<String> wrong = signIn(client(), lyn, "wrong");
        assertThat(location(right)).isEqualTo(location(wrong)).endsWith("/login?error");
        assertThat(right.headers().map().keySet())
                .isEqualTo(wrong.headers().map().keySet());
    }

    @Test
    void attemptsOnOneUsernameAreThrottledBeforeAnyPasswordIsChecked() throws Exception {
        String target = unique("throttled-theo");
        createUser(target, UserStatus.ENABLED, null);
        HttpResponse<String> last = null;
        for (int attempt = 1; attempt <= 11; attempt++) {
            // different letter case: the same account from the same address, so the same bucket
            last = signIn(client(), attempt % 2 == 0 ? target.toUpperCase() : target, "guess-" + attempt);
        }
        assertThat(location(last)).endsWith("/login?throttled");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // refused before the password check: even the right password is not tried
        assertThat(location(signIn(client(), target, target))).endsWith("/login?throttled");
    }

    @Test
    void attemptsFromOneAddressAreThrottledWhateverTheUsername() throws Exception {
        HttpClient attacker = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName("127.0.0.5"))
                .build();
        int refusedAt = 0;
        long started = System.nanoTime();
        for (int attempt = 1; attempt <= 80 && refusedAt == 0; attempt++) {
            if (location(signIn(attacker, "spray-" + attempt, "Winter2026!")).endsWith("?throttled")) {
                refusedAt = attempt;
            }
        }
        // keyward.sign-in.attempts-per-address is 40 a minute in the tests, refilled evenly (one per 1.5 s):
        // 40 at once, plus what refilled while they were tried (a loaded machine tries them slower)
        long refilled = (System.nanoTime() - started) / 1_500_000_000L;
        assertThat(refusedAt).isBetween(41, 41 + (int) refilled + 1);
        assertThat(location(signIn(client(), "dana", "dana")))
                .doesNotContain("error")
                .doesNotContain("throttled");
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() throws Exception {
        HttpClient victim = client();
        victim.send(get("/login"), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> forged = victim.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=dana&password=dana"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(location(forged)).endsWith("/login");
        // not signed in: the application still sends this browser to the sign-in page
        assertThat(location(victim.send(get("/"), HttpResponse.BodyHandlers.discarding())))
                .endsWith("/login");
    }

    private void createUser(String username, UserStatus status, Instant expiresAt) {
        users.insert(
                new NewUser(
                        username,
                        username,
                        username + "@example.com",
                        status,
                        expiresAt,
                        passwordEncoder.encode(username)),
                Instant.now());
    }

    /**
     * A client on a loopback address of this test's own: its many failed sign-ins spend the
     * per-address budget of that address, not 127.0.0.1's, which the other HTTP tests sign in from.
     */
    private HttpClient client() {
        try {
            return HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .localAddress(InetAddress.getByName("127.0.0.6"))
                    .build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private HttpResponse<String> signIn(HttpClient client, String username, String password) throws Exception {
        return SignInForm.submit(client, port, username, password);
    }

    static String location(HttpResponse<?> response) {
        return SignInForm.location(response);
    }
}
