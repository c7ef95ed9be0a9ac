package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserStatus;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An Admin's session that never opened a console page (only the metrics) follows the account
 * like any other: once the Admin is disabled or demoted, the metrics are closed to it.
 */
@KeywardTest
class ActuatorSessionTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserAdministration administration;

    @Autowired
    UserFixtures users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDisabledAdminsSessionLosesTheMetricsAtOnce() throws Exception {
        String admin = accounts.create("metrics-admin", List.of(Authorities.ADMINISTRATION));
        HttpClient session = signedInSession(admin);
        assertThat(status(session, "/actuator/prometheus")).isEqualTo(200);
        assertThat(status(session, "/actuator/metrics")).isEqualTo(200);

        asAdmin(() -> administration.disable(accounts.idOf(admin)));

        assertThat(status(session, "/actuator/prometheus")).isEqualTo(401);
        assertThat(status(session, "/actuator/metrics")).isNotEqualTo(200);
    }

    @Test
    void aDemotedAdminsSessionLosesTheMetricsAtOnce() throws Exception {
        String admin = accounts.create("metrics-demoted", List.of(Authorities.ADMINISTRATION));
        HttpClient session = signedInSession(admin);
        assertThat(status(session, "/actuator/prometheus")).isEqualTo(200);

        asAdmin(() -> administration.setRoles(accounts.idOf(admin), Set.of()));

        assertThat(status(session, "/actuator/prometheus")).isIn(401, 403);
        assertThat(status(session, "/actuator/metrics")).isNotEqualTo(200);
    }

    @Test
    void anAdminDisabledBehindThisNodesBackLosesTheMetricsWithinTheBound() throws Exception {
        String admin = accounts.create("metrics-elsewhere", List.of(Authorities.ADMINISTRATION));
        HttpClient session = signedInSession(admin);
        assertThat(status(session, "/actuator/prometheus")).isEqualTo(200);

        // as another node would: straight into the database, no event reaches this node
        accounts.transaction()
                .executeWithoutResult(status -> users.setStatus(accounts.idOf(admin), UserStatus.DISABLED));

        long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        int answer = 200;
        while (answer == 200 && System.nanoTime() < deadline) {
            answer = status(session, "/actuator/prometheus");
        }
        assertThat(answer).as("refused within the 5 s bound of CurrentUser").isIn(401, 403);
    }

    private HttpClient signedInSession(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        assertThat(SignInForm.location(SignInForm.submit(client, port, username, username)))
                .doesNotContain("/login");
        return client;
    }

    private int status(HttpClient session, String path) throws Exception {
        return session.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void asAdmin(Runnable action) {
        accounts.signInAs("admin");
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
