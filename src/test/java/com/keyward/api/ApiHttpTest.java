package com.keyward.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyFixtures;
import com.keyward.apikey.ApiKeyFormat;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.NewApiKey;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Authorities;
import com.keyward.user.UserFixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The REST API over real HTTP against the running app on its real MariaDB. */
@KeywardTest
@ExtendWith(OutputCaptureExtension.class)
class ApiHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeyFixtures keyRepository;

    @Autowired
    UserFixtures users;

    @Autowired
    RoleFixtures roles;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DSLContext dsl;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestAccounts accounts;

    final List<HttpResponse<String>> responses = new ArrayList<>();
    final List<String> keysUsed = new ArrayList<>();

    @AfterEach
    void everyResponseIsWhatTheOpenApiDocumentSays() {
        assertThat(OpenApiContract.violations(port, responses)).isEmpty();
    }

    @AfterEach
    void noResponseEverEchoesAKey(CapturedOutput output) {
        SecurityContextHolder.clearContext();
        for (String key : keysUsed) {
            assertThat(responses)
                    .allSatisfy(response -> assertThat(response.body()).doesNotContain(key));
            assertThat(output.getAll()).as("logs").doesNotContain(key);
        }
    }

    @Test
    void aKeyWithTheAccountApiSaysWhoItsOwnerIs() throws Exception {
        String owner = integrator();
        String key = keyFor(owner, "ACCOUNT");

        HttpResponse<String> viaHeader = get("/api/v1/account", "X-Api-Key", key);
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(viaHeader.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(viaHeader.body()).contains("\"username\":\"" + owner + "\"", "MANAGE_USER_API_KEY");
        assertThat(viaHeader.headers().allValues("Set-Cookie"))
                .as("stateless: no session")
                .isEmpty();

        HttpResponse<String> viaBearer = get("/api/v1/account/keys", "Authorization", "Bearer " + key);
        assertThat(viaBearer.statusCode()).isEqualTo(200);
        assertThat(viaBearer.body()).contains("\"total\":1", ApiKeyFormat.hint(key));
    }

    @Test
    void missingMalformedAndUnknownKeysGet401Problems() throws Exception {
        assertProblem(get("/api/v1/account"), 401, "No API key was sent");
        assertProblem(get("/api/v1/account", "X-Api-Key", "kw_not-a-key"), 401, "malformed");
        String valid = ApiKeyFormat.generate();
        String typo = valid.substring(0, 10) + (valid.charAt(10) == 'a' ? 'b' : 'a') + valid.substring(11);
        assertProblem(get("/api/v1/account", "X-Api-Key", typo), 401, "checksum");
        assertProblem(get("/api/v1/account", "X-Api-Key", valid), 401, "not known");
        assertThat(get("/api/v1/account").headers().firstValue("WWW-Authenticate"))
                .isPresent();
    }

    @Test
    void aKeyInTheUrlIsRefusedWith400() throws Exception {
        String key = keyFor(integrator(), "ACCOUNT");
        assertProblem(get("/api/v1/account?api_key=" + key), 400, "not accepted in the URL");
        assertProblem(get("/api/v1/account?x=" + key, "X-Api-Key", key), 400, "not accepted in the URL");
    }

    @Test
    void aKeyOnlyWorksOnItsApiSets() throws Exception {
        String key = keyFor(integrator(), "USERS");
        assertThat(get("/api/v1/users?q=dana", "X-Api-Key", key).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/users?q=dana", "X-Api-Key", key).body()).contains("\"username\":\"dana\"");
        assertProblem(get("/api/v1/roles", "X-Api-Key", key), 403, "does not include");
        assertProblem(get("/api/v1/account", "X-Api-Key", key), 403, "does not include");
    }

    @Test
    void aKeyNeverExceedsItsOwnerEvenWithTheRightApiSet() throws Exception {
        String key = keyFor(integrator(), "ROLES", "AUDIT");
        assertProblem(get("/api/v1/roles", "X-Api-Key", key), 403, "View Roles");
        assertProblem(get("/api/v1/audit", "X-Api-Key", key), 403, "View Audit Log");
    }

    @Test
    void revokingTakesEffectOnTheNextRequest() throws Exception {
        String owner = integrator();
        accounts.signInAs(owner);
        GeneratedApiKey generated = keys.generate(new NewApiKey(
                "to revoke", null, Set.of("ACCOUNT"), Instant.now().plus(Duration.ofDays(30))));
        keysUsed.add(generated.key());
        assertThat(get("/api/v1/account", "X-Api-Key", generated.key()).statusCode())
                .isEqualTo(200);

        keys.revoke(generated.info().id());
        assertProblem(get("/api/v1/account", "X-Api-Key", generated.key()), 401, "revoked");
    }

    @Test
    void expiredKeysAndDisabledLockedOrExpiredOwnersGet401() throws Exception {
        String expiredKey = insertKey(accounts.idOf(integrator()), Instant.now().minusSeconds(60));
        assertProblem(get("/api/v1/account", "X-Api-Key", expiredKey), 401, "expired");

        String olgasKey = insertKey(accounts.idOf("olga"), Instant.now().plus(Duration.ofDays(10)));
        assertProblem(get("/api/v1/account", "X-Api-Key", olgasKey), 401, "disabled");

        String locked = integrator();
        String lockedKey = keyFor(locked, "ACCOUNT");
        dsl.execute(
                "UPDATE app_user SET status = 'LOCKED', locked_until = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR "
                        + "WHERE username = ?",
                locked);
        awaitProblem(lockedKey, 401, "locked");
        // the lock runs out: the key works again, before any sweep has unlocked the account
        dsl.execute(
                "UPDATE app_user SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE username = ?", locked);
        awaitStatus("/api/v1/account", lockedKey, 200);

        String leaving = integrator();
        String leavingKey = keyFor(leaving, "ACCOUNT");
        dsl.execute("UPDATE app_user SET account_expires_at = UTC_TIMESTAMP(6) WHERE username = ?", leaving);
        awaitProblem(leavingKey, 401, "expired");
    }

    @Test
    void anOwnerLosingAnAuthorityGets403WithinFiveSeconds() throws Exception {
        String owner = integrator();
        String key = keyFor(owner, "USERS");
        assertThat(get("/api/v1/users", "X-Api-Key", key).statusCode()).isEqualTo(200);

        dsl.execute(
                "DELETE FROM role_authority WHERE role_id = ? AND authority_code = 'VIEW_USERS'",
                accounts.roleOf(owner));
        long started = System.nanoTime();
        awaitStatus("/api/v1/users", key, 403);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void bruteForceFromOneAddressGets429WithRetryAfterButAValidKeyFromThereStillWorks() throws Exception {
        HttpClient attacker = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.9"))
                .build();
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            last = attacker.send(
                    request("/api/v1/account", "X-Api-Key", ApiKeyFormat.generate()),
                    HttpResponse.BodyHandlers.ofString());
            responses.add(last);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(401);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
        assertThat(last.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        // failures throttle failures only: a valid key behind the same proxy or NAT keeps working
        String key = keyFor(integrator(), "ACCOUNT");
        assertThat(attacker.send(request("/api/v1/account", "X-Api-Key", key), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(attacker.send(
                                request("/api/v1/account", "X-Api-Key", ApiKeyFormat.generate()),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(429);
        assertThat(get("/api/v1/account", "X-Api-Key", ApiKeyFormat.generate()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void forwardedForCountsOnlyWhenATrustedProxySaysIt() throws Exception {
        // 127.0.0.2 is the tests' trusted proxy (server.tomcat.remoteip.internal-proxies); 127.0.0.8 is not
        HttpClient untrusted = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.8"))
                .build();
        HttpClient proxy = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .build();
        HttpResponse<String> last = null;
        for (int attempt = 0; attempt < 40 && (last == null || last.statusCode() != 429); attempt++) {
            // a fresh forged client address each time changes nothing: the peer is what counts
            last = untrusted.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/account"))
                            .header("X-Forwarded-For", "10.66.0." + attempt)
                            .header("X-Api-Key", ApiKeyFormat.generate())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(last.statusCode()).isEqualTo(429);
        // behind the trusted proxy each client has its own allowance, and its address is recorded
        for (int attempt = 0; attempt < 40; attempt++) {
            assertThat(proxy.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/account"))
                                            .header("X-Forwarded-For", "10.77.0." + attempt)
                                            .header("X-Api-Key", ApiKeyFormat.generate())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
        }
        String owner = integrator();
        String key = keyFor(owner, "ACCOUNT");
        assertThat(proxy.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/account"))
                                        .header("X-Forwarded-For", "10.88.1.2")
                                        .header("X-Api-Key", key)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(lastUsedAddressOfKeyOf(owner)).isEqualTo("10.88.1.2");
    }

    @Test
    void everyAnswerUnderApiIsAProblemAndNoneCreatesASession() throws Exception {
        String key = keyFor(integrator(), "ACCOUNT", "USERS");
        HttpClient client = HttpClient.newHttpClient();
        record Case(String method, String path, String accept, int status) {}
        for (Case c : List.of(
                new Case("POST", "/api/v1/users", null, 405),
                new Case("DELETE", "/api/v1/account", null, 405),
                new Case("GET", "/api/v1/users", "application/xml", 406),
                new Case("GET", "/api/v1//roles", null, 400),
                new Case("GET", "/api/v1/users/", null, 404),
                new Case("GET", "/api/v1/users/no-such-user-here", null, 404),
                new Case("GET", "/api/v1/users?q=%FF", null, 400),
                new Case("GET", "/api/v1/users%00", null, 400),
                new Case("GET", "/api/v1/users?page=-1", null, 400),
                new Case("GET", "/api/v1/users?size=abc", null, 400),
                new Case("GET", "/api/v2/anything", null, 404))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                    .header("X-Api-Key", key)
                    .method(c.method(), HttpRequest.BodyPublishers.noBody());
            if (c.accept() != null) {
                request.header("Accept", c.accept());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            responses.add(response);
            assertThat(response.statusCode()).as("%s %s", c.method(), c.path()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type"))
                    .as("%s %s", c.method(), c.path())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":" + c.status());
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as("%s %s", c.method(), c.path())
                    .isEmpty();
        }
        HttpResponse<String> oversized = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users"))
                        .header("X-Padding", "a".repeat(20_000))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void lastUseIsRecordedWithoutAWritePerRequest() throws Exception {
        String owner = integrator();
        String key = keyFor(owner, "ACCOUNT");
        get("/api/v1/account", "X-Api-Key", key);
        assertThat(lastUsedAddressOfKeyOf(owner)).isEqualTo("127.0.0.1");
    }

    @Test
    void authenticationsAreCountedByOutcomeOnly() throws Exception {
        double before = meters.counter("keyward.api.authentications", "outcome", "success")
                .count();
        get("/api/v1/account", "X-Api-Key", keyFor(integrator(), "ACCOUNT"));
        assertThat(meters.counter("keyward.api.authentications", "outcome", "success")
                        .count())
                .isEqualTo(before + 1);
        assertThat(meters.find("keyward.api.authentications").counters())
                .allSatisfy(counter -> assertThat(counter.getId().getTags())
                        .extracting(tag -> tag.getKey())
                        .containsOnly("outcome"));
    }

    @Test
    void healthAndTheOpenApiDocumentArePublic() throws Exception {
        HttpResponse<String> health = get("/actuator/health/readiness");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        HttpResponse<String> docs = get("/v3/api-docs/users");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/users", "X-Api-Key");
    }

    /** Last use is flushed every 5 s: waits up to 10 s for it. */
    private String lastUsedAddressOfKeyOf(String owner) throws InterruptedException {
        long keyId =
                keyRepository.findByOwner(accounts.idOf(owner), 0, 1).getFirst().id();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (keyRepository.findById(keyId).orElseThrow().lastUsedAt() == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return keyRepository.findById(keyId).orElseThrow().lastUsedAddress();
    }

    private String integrator() {
        return accounts.create("api", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
    }

    private String keyFor(String owner, String... sets) {
        String key = accounts.keyOf(owner, sets).key();
        keysUsed.add(key);
        return key;
    }

    /** Straight into the table: keys the service would refuse to make (already expired, for olga). */
    private String insertKey(long ownerId, Instant expiresAt) {
        String key = ApiKeyFormat.generate();
        keyRepository.insert(
                ownerId,
                "inserted " + System.nanoTime(),
                null,
                ApiKeyFormat.digest(key),
                ApiKeyFormat.hint(key),
                expiresAt.minus(Duration.ofDays(1)),
                expiresAt,
                Set.of("ACCOUNT"));
        keysUsed.add(key);
        return key;
    }

    private void awaitProblem(String key, int status, String detail) throws Exception {
        awaitStatus("/api/v1/account", key, status);
        assertProblem(get("/api/v1/account", "X-Api-Key", key), status, detail);
    }

    /** Polls for up to 6 s: changes made behind the app's back take effect within the 5 s bound. */
    private void awaitStatus(String path, String key, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        int seen;
        do {
            seen = get(path, "X-Api-Key", key).statusCode();
            if (seen == status) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertThat(seen).as("status of %s after 6 s", path).isEqualTo(status);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).containsIgnoringCase(detail);
    }

    private HttpResponse<String> get(String path, String... header) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request(path, header), HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private HttpRequest request(String path, String... header) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (header.length == 2) {
            builder.header(header[0], header[1]);
        }
        return builder.build();
    }
}
