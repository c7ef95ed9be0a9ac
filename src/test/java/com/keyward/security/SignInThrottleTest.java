package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.user.NewUser;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserStatus;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * NIST SP 800-63B §5.2.2: failed sign-ins are rate-limited, but nobody can lock the owner out.
 * An attacker's failures slow the attacker's own address; the right password from an address
 * that has not been failing always signs in.
 */
@KeywardTest
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    UserFixtures users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void fiveWrongPasswordsFromOneAddressDoNotStopTheOwnerFromAnother() throws Exception {
        String owner = createUser("owner-olive");
        HttpClient attacker = clientFrom("127.0.0.21");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(location(signIn(attacker, owner, "guess-" + attempt))).endsWith("/login?error");
        }

        assertThat(signedIn(signIn(clientFrom("127.0.0.22"), owner, owner))).isTrue();
        assertThat(users.findAccount(owner).orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
    }

    @Test
    void fiftyWrongPasswordsFromOneAddressDoNotStopTheOwnerFromAnother() throws Exception {
        String owner = createUser("owner-otto");
        HttpClient attacker = clientFrom("127.0.0.23");
        int checked = 0;
        for (int attempt = 1; attempt <= 50; attempt++) {
            if (location(signIn(attacker, owner, "guess-" + attempt)).endsWith("?error")) {
                checked++;
            }
        }

        assertThat(signedIn(signIn(clientFrom("127.0.0.24"), owner, owner))).isTrue();
        assertThat(users.findAccount(owner).orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        // the attacker's address is slowed down: 5 quick failures, then one per minute
        assertThat(checked).isBetween(5, 6);
        // even the right password from the attacker's address waits now: that address has been failing
        assertThat(location(signIn(attacker, owner, owner))).endsWith("/login?throttled");
    }

    @Test
    void theOnlyAdminCannotBeLockedOutByAnonymousRequestsFromManyAddresses() throws Exception {
        // a botnet: ten addresses, each trying admin's password until it is slowed down
        int checked = 0;
        for (int address = 30; address < 40; address++) {
            HttpClient bot = clientFrom("127.0.0." + address);
            for (int attempt = 1; attempt <= 8; attempt++) {
                String answer = location(signIn(bot, "admin", "guess-" + address + "-" + attempt));
                assertThat(answer).matches(".*/login\\?(error|throttled)");
                if (answer.endsWith("?error")) {
                    checked++;
                }
            }
        }

        assertThat(users.findAccount("admin").orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        assertThat(signedIn(signIn(clientFrom("127.0.0.41"), "admin", "admin"))).isTrue();
        // the account's ceiling (20 in the tests) slowed every address: after it, one guess per new address
        assertThat(checked).isLessThanOrEqualTo(20 + 6);
    }

    @Test
    void oneAddressTryingOneAccountIsSlowedDownWhateverCaseOrWidthItTypes() throws Exception {
        String theo = createUser("theo");
        HttpClient guesser = clientFrom("127.0.0.25");
        String[] spellings = {theo, theo.toUpperCase(java.util.Locale.ROOT), fullWidth(theo)};
        String last = "";
        for (int attempt = 0; attempt < 11; attempt++) {
            last = location(signIn(guesser, spellings[attempt % 3], "guess-" + attempt));
        }
        assertThat(last).endsWith("/login?throttled");
        // refused before the password check: even the right password is not tried from there
        assertThat(location(signIn(guesser, fullWidth(theo), theo))).endsWith("/login?throttled");
    }

    @Test
    void aRefusedSignInStillGetsTheOneAnswerForEveryFailure() throws Exception {
        String wren = createUser("wren");
        HttpClient client = clientFrom("127.0.0.26");
        assertThat(location(signIn(client, wren, "wrong"))).endsWith("/login?error");
        assertThat(location(signIn(client, "nobody-" + wren, "wrong"))).endsWith("/login?error");
        assertThat(location(signIn(client, "olga", "olga"))).endsWith("/login?error");
    }

    /** ｔｈｅｏ-… : the same handle under NFKC case folding. */
    private static String fullWidth(String name) {
        StringBuilder wide = new StringBuilder();
        name.codePoints().forEach(c -> wide.appendCodePoint(c >= '!' && c <= '~' ? c - '!' + 0xFF01 : c));
        return wide.toString();
    }

    private String createUser(String prefix) {
        String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
        users.insert(
                new NewUser(
                        username,
                        username,
                        username + "@example.com",
                        UserStatus.ENABLED,
                        null,
                        passwordEncoder.encode(username)),
                Instant.now());
        return username;
    }

    private static HttpClient clientFrom(String address) throws Exception {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .localAddress(InetAddress.getByName(address))
                .build();
    }

    private HttpResponse<String> signIn(HttpClient client, String username, String password) throws Exception {
        return SignInForm.submit(client, port, username, password);
    }

    /** Sent on into the application, not back to the sign-in page. */
    private static boolean signedIn(HttpResponse<?> response) {
        return !location(response).isEmpty() && !location(response).contains("/login");
    }

    private static String location(HttpResponse<?> response) {
        return SignInForm.location(response);
    }
}
