package com.keyward.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.ApiStatus;
import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.security.SignInForm;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/** Directory people sign in with their directory password; the sync follows the directory. */
@KeywardTest
class DirectorySignInTest {

    @Autowired
    EmbeddedDirectory directory;

    @Autowired
    DirectorySync sync;

    @Autowired
    TestAccounts accounts;

    @Autowired
    com.keyward.user.UserAdministration administration;

    @Autowired
    DSLContext dsl;

    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void lenaSignsInWithHerDirectoryPasswordAndGetsTheRoleHerGroupMapsTo() throws Exception {
        assertThat(signIn("lena", "lena-directory-pass")).isEqualTo("/");

        assertThat(value("SELECT source FROM app_user WHERE username = 'lena'")).isEqualTo("DIRECTORY");
        assertThat(value("SELECT password_hash IS NULL FROM app_user WHERE username = 'lena'"))
                .isEqualTo("1");
        assertThat(value("SELECT display_name FROM app_user WHERE username = 'lena'"))
                .isEqualTo("Lena Ldap");
        assertThat(value("SELECT r.name FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN app_user u "
                        + "ON u.id = ur.user_id WHERE u.username = 'lena' AND ur.from_group"))
                .isEqualTo("API Integrator");
        assertThat(auditTypesOf("lena")).contains("DIRECTORY_ACCOUNT_CREATED", "ROLE_ASSIGNED");
    }

    @Test
    void aWrongPasswordAnUnknownNameADisabledEntryAndALocalNamesakeGetTheGenericAnswer() throws Exception {
        signIn("leo", "leo-directory-pass");
        assertThat(signIn("leo", "wrong password")).endsWith("/login?error");
        // throttled like any failed sign-in, and never a lock: the account stays enabled
        assertThat(value("SELECT status FROM app_user WHERE username = 'leo'")).isEqualTo("ENABLED");
        assertThat(signIn("nobody-anywhere", "whatever it is")).endsWith("/login?error");
        assertThat(signIn("lina", "lina-directory-pass")).endsWith("/login?error");
        assertThat(value("SELECT COUNT(*) FROM app_user WHERE username = 'lina'"))
                .isEqualTo("0");
        // the directory's dana is not Keyward's dana: refused, and the local dana is untouched
        assertThat(signIn("dana", "dana-in-the-directory")).endsWith("/login?error");
        assertThat(value("SELECT source FROM app_user WHERE username = 'dana'")).isEqualTo("LOCAL");
        assertThat(signIn("dana", "dana")).isEqualTo("/");
    }

    @Test
    void aPersonDisabledInTheDirectoryLosesKeysForGoodAndSignInUntilReEnabled() throws Exception {
        signIn("lena", "lena-directory-pass");
        GeneratedApiKey key = accounts.keyOf("lena", "ACCOUNT");
        assertThat(ApiStatus.of("http://127.0.0.1:" + port, key.key())).isEqualTo(200);

        directory
                .server()
                .modify(
                        "uid=lena,ou=people,dc=corp",
                        new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
        try {
            accounts.signInAs("admin");
            assertThat(sync.syncNow("lena")).isFalse();
            SecurityContextHolder.clearContext();
            assertThat(value("SELECT status FROM app_user WHERE username = 'lena'"))
                    .isEqualTo("DIRECTORY_DISABLED");
            assertThat(ApiStatus.within5s("http://127.0.0.1:" + port, key.key(), 401))
                    .isEqualTo(401);
            assertThat(signIn("lena", "lena-directory-pass")).endsWith("/login?error");
            assertThat(auditTypesOf("lena")).contains("ACCOUNT_DIRECTORY_DISABLED");
            // only the directory lifts it: an administrator's Enable is refused by the service
            long lena = accounts.idOf("lena");
            accounts.signInAs("admin");
            assertThatThrownBy(() -> administration.enable(lena))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("only the directory can enable");
            SecurityContextHolder.clearContext();
            assertThat(value("SELECT status FROM app_user WHERE username = 'lena'"))
                    .isEqualTo("DIRECTORY_DISABLED");
        } finally {
            directory
                    .server()
                    .modify(
                            "uid=lena,ou=people,dc=corp",
                            new Modification(ModificationType.REPLACE, "userAccountControl", "512"));
        }
        accounts.signInAs("admin");
        assertThat(sync.syncNow("lena")).isTrue();
        SecurityContextHolder.clearContext();
        assertThat(value("SELECT status FROM app_user WHERE username = 'lena'")).isEqualTo("ENABLED");
        assertThat(signIn("lena", "lena-directory-pass")).isEqualTo("/");
        // the same entry back: the account is, its keys are not (revoked when she left)
        assertThat(ApiStatus.of("http://127.0.0.1:" + port, key.key())).isEqualTo(401);
        assertThat(value("SELECT revoked_at IS NOT NULL FROM api_key WHERE id = "
                        + key.info().id()))
                .isEqualTo("1");
    }

    @Test
    void leavingTheMappedGroupTakesTheMappedRoleAndAnAdminsRoleStays() throws Exception {
        signIn("leo", "leo-directory-pass");
        directory
                .server()
                .modify(
                        "cn=key-makers,ou=groups,dc=corp",
                        new Modification(ModificationType.ADD, "member", "uid=leo,ou=people,dc=corp"));
        accounts.signInAs("admin");
        sync.syncNow("leo");
        assertThat(mappedRolesOf("leo")).containsExactly("API Integrator");

        directory
                .server()
                .modify(
                        "cn=key-makers,ou=groups,dc=corp",
                        new Modification(ModificationType.DELETE, "member", "uid=leo,ou=people,dc=corp"));
        sync.syncNow("leo");
        assertThat(mappedRolesOf("leo")).isEmpty();
        assertThat(auditTypesOf("leo")).contains("ROLE_ASSIGNED", "ROLE_REMOVED");
    }

    @Test
    void anUnreachableDirectoryStopsNeitherTheLocalAdminNorDisablesAnyone() throws Exception {
        signIn("leo", "leo-directory-pass");
        directory.server().shutDown("ldap", true);
        try {
            assertThat(signIn("leo", "leo-directory-pass")).endsWith("/login?unavailable");
            assertThat(signIn("admin", "admin")).isEqualTo("/");
            accounts.signInAs("admin");
            assertThatThrownBy(() -> sync.syncAllNow()).isInstanceOf(DirectoryUnavailable.class);
            assertThat(value("SELECT status FROM app_user WHERE username = 'leo'"))
                    .isEqualTo("ENABLED");
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            // the overall health names the directory's trouble; readiness above keeps the traffic coming
            HttpResponse<String> overall = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(overall.statusCode()).isEqualTo(503);
        } finally {
            directory.server().startListening("ldap");
        }
        assertThat(signIn("leo", "leo-directory-pass")).isEqualTo("/");
    }

    private String signIn(String username, String password) throws Exception {
        // an address of its own: these sign-ins do not use up the throttle budget of other tests' 127.0.0.1
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .localAddress(java.net.InetAddress.getByName("127.0.0.7"))
                .build();
        return SignInForm.location(SignInForm.submit(client, port, username, password));
    }

    private String value(String sql) {
        return String.valueOf(dsl.fetchSingle(sql).get(0));
    }

    private List<String> auditTypesOf(String username) {
        return dsl.fetch("SELECT type FROM audit_event WHERE target_username = ?", username)
                .getValues(0, String.class);
    }

    private List<String> mappedRolesOf(String username) {
        return dsl.fetch(
                        "SELECT r.name FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN app_user u ON u.id = "
                                + "ur.user_id WHERE u.username = ? AND ur.from_group",
                        username)
                .getValues(0, String.class);
    }
}
