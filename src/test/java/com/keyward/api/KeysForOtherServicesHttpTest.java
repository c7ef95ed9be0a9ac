package com.keyward.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyFixtures;
import com.keyward.apikey.ApiKeyFormat;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.ApiKeyUsageRecorder;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.NewApiKey;
import com.keyward.security.Authorities;
import com.keyward.validation.ValidationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Keys that other services trust, over real HTTP: RFC 7662 introspection, per-key network
 * allow-lists (directly, behind the tests' trusted proxy 127.0.0.2, and behind an untrusted one)
 * and leak reports.
 */
@KeywardTest
class KeysForOtherServicesHttpTest {

    private static final String INACTIVE = "{\"active\":false}";

    @LocalServerPort
    int port;

    @Value("${keyward.leaks.reports-per-minute:30}")
    int reportsPerMinute;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeyUsageRecorder usage;

    @Autowired
    DSLContext dsl;

    @Autowired
    ApiKeyFixtures fixtures;

    final List<HttpResponse<String>> responses = new ArrayList<>();

    @AfterEach
    void everyResponseIsWhatTheOpenApiDocumentSays() {
        SecurityContextHolder.clearContext();
        assertThat(OpenApiContract.violations(port, responses)).isEmpty();
    }

    @Test
    void introspectionSaysWhoseAnActiveKeyIsAndNothingAboutAnInactiveOne() throws Exception {
        String caller = introspector();
        String owner = accounts.create("owner", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey target = key(owner, Set.of("ACCOUNT", "USERS"), null);

        HttpResponse<String> active = introspect(caller, target.key(), null);
        assertThat(active.statusCode()).isEqualTo(200);
        assertThat(active.body())
                .contains(
                        "\"active\":true",
                        "\"sub\":\"" + owner + "\"",
                        "\"scope\":\"ACCOUNT USERS\"",
                        "\"client_id\":\"" + ApiKeyFormat.hint(target.key()) + "\"",
                        "\"exp\":" + target.info().expiresAt().getEpochSecond(),
                        "\"iat\":" + target.info().createdAt().getEpochSecond())
                .doesNotContain(target.key());
        assertThat(active.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=5"));

        // unknown, malformed, expired, a disabled owner's, revoked: inactive, and never why or whose
        String expired = inserted(accounts.idOf(owner), Instant.now().minusSeconds(60));
        String olgas = inserted(accounts.idOf("olga"), Instant.now().plus(Duration.ofDays(10)));
        for (String token : List.of(ApiKeyFormat.generate(), "kw_nope", expired, olgas, "")) {
            HttpResponse<String> inactive = introspect(caller, token, null);
            assertThat(inactive.statusCode()).isEqualTo(200);
            assertThat(inactive.body()).isEqualTo(INACTIVE);
        }
        accounts.signInAs(owner);
        keys.revoke(target.info().id());
        SecurityContextHolder.clearContext();
        assertThat(introspect(caller, target.key(), null).body()).isEqualTo(INACTIVE);
    }

    @Test
    void onlyAKeyWithTheIntrospectionApiMayIntrospect() throws Exception {
        String owner = accounts.create("plain", List.of(Authorities.MANAGE_USER_API_KEY));
        String accountOnly = key(owner, Set.of("ACCOUNT"), null).key();
        HttpResponse<String> refused = introspect(accountOnly, accountOnly, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("does not include").doesNotContain("\"active\"");
        HttpResponse<String> anonymous = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(url("/api/v1/introspect"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + accountOnly))
                        .build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyLimitedToNetworksWorksOnlyFromThemAlsoBehindTheTrustedProxy() throws Exception {
        String owner = accounts.create("nets", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey limited = key(owner, Set.of("ACCOUNT"), "10.20.0.0/16, fd00::/8\n127.0.0.4");
        assertThat(limited.info().allowedNetworks()).isEqualTo("10.20.0.0/16 fd00::/8 127.0.0.4");
        String key = limited.key();

        HttpClient direct = HttpClient.newHttpClient();
        HttpClient fromInside = client("127.0.0.4");
        HttpClient trustedProxy = client("127.0.0.2");
        HttpClient untrustedProxy = client("127.0.0.3");

        // 127.0.0.1 is not in the list; 127.0.0.4 is (IPv4, directly)
        assertRefusedFromHere(account(direct, key, null));
        assertThat(account(fromInside, key, null).statusCode()).isEqualTo(200);
        // through the trusted proxy, the forwarded client counts: IPv4 and IPv6, inside and outside
        assertThat(account(trustedProxy, key, "10.20.3.4").statusCode()).isEqualTo(200);
        assertRefusedFromHere(account(trustedProxy, key, "10.21.0.1"));
        assertThat(account(trustedProxy, key, "fd00::1234").statusCode()).isEqualTo(200);
        assertRefusedFromHere(account(trustedProxy, key, "2001:db8::1"));
        // an untrusted proxy's header counts for nothing: the caller is 127.0.0.3
        assertRefusedFromHere(account(untrustedProxy, key, "10.20.3.4"));

        usage.flush();
        accounts.signInAs(owner);
        assertThat(keys.usage(limited.info().id()).refused403()).isEqualTo(4);
        assertThat(keys.usage(limited.info().id()).calls()).isEqualTo(3);
    }

    @Test
    void introspectionChecksTheClientAddressAgainstTheKeysNetworks() throws Exception {
        String caller = introspector();
        String owner = accounts.create("netowner", List.of(Authorities.MANAGE_USER_API_KEY));
        String limited = key(owner, Set.of("ACCOUNT"), "10.20.0.0/16").key();
        String anywhere = key(owner, Set.of("ACCOUNT"), null).key();

        assertThat(introspect(caller, limited, "10.20.9.9").body()).contains("\"active\":true");
        assertThat(introspect(caller, limited, "10.30.0.1").body()).isEqualTo(INACTIVE);
        assertThat(introspect(caller, limited, null).body()).as("no client_ip").isEqualTo(INACTIVE);
        assertThat(introspect(caller, anywhere, null).body()).contains("\"active\":true");
        HttpResponse<String> bad = introspect(caller, anywhere, "intranet.example");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("client_ip");
    }

    @Test
    void badNetworksAreRefusedOneMessagePerEntryAndNothingIsStored() {
        String owner = accounts.create("badnets", List.of(Authorities.MANAGE_USER_API_KEY));
        int before = dsl.fetchCount(dsl.selectFrom("api_key").where("owner_id = ?", accounts.idOf(owner)));
        assertThatThrownBy(() -> key(owner, Set.of("ACCOUNT"), "10.0.0.300/8, 10.1.0.0/16, example.com, 10.0.0.0/33"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.errors())
                                .hasSize(1)
                                .hasEntrySatisfying(
                                        com.keyward.apikey.ApiKeyField.ALLOWED_NETWORKS,
                                        message -> assertThat(message)
                                                .contains("\"10.0.0.300/8\"", "\"example.com\"", "\"10.0.0.0/33\"")
                                                .doesNotContain("\"10.1.0.0/16\"")));
        assertThat(dsl.fetchCount(dsl.selectFrom("api_key").where("owner_id = ?", accounts.idOf(owner))))
                .isEqualTo(before);
    }

    @Test
    void aLeakReportRevokesAnActiveKeyWithinTheRequestAndTellsNoOwner() throws Exception {
        String owner = accounts.create("leaky", List.of(Authorities.MANAGE_USER_API_KEY));
        String leaked = key(owner, Set.of("ACCOUNT"), null).key();
        HttpClient scanner = client("127.0.0.21");
        assertThat(account(scanner, leaked, null).statusCode()).isEqualTo(200);

        String unknown = ApiKeyFormat.generate();
        HttpResponse<String> answer = report(
                scanner,
                "[{\"token\":\"" + leaked + "\",\"type\":\"keyward_api_key\","
                        + "\"url\":\"https://github.com/acme/app/blob/main/.env\",\"source\":\"content\"},"
                        + "{\"token\":\"" + unknown
                        + "\",\"type\":\"keyward_api_key\",\"url\":\"x\",\"source\":\"commit\"},"
                        + "{\"token\":\"kw_junk\",\"type\":\"keyward_api_key\"}]");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains(
                        "{\"token_hash\":\"" + sha256(leaked)
                                + "\",\"token_type\":\"keyward_api_key\",\"label\":\"true_positive\"}",
                        "{\"token_hash\":\"" + sha256(unknown)
                                + "\",\"token_type\":\"keyward_api_key\",\"label\":\"false_positive\"}",
                        "\"label\":\"false_positive\"")
                .doesNotContain(owner, leaked);

        // revoked within the request: the very next call gets 401
        HttpResponse<String> after = account(scanner, leaked, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("revoked");
        // where it was found is kept, the owner's bell has it, the audit log says so without the key
        long keyId = ((Number)
                        dsl.fetchValue("SELECT id FROM api_key WHERE key_digest = ?", ApiKeyFormat.digest(leaked)))
                .longValue();
        assertThat(dsl.fetchValue("SELECT url FROM api_key_leak WHERE api_key_id = ?", keyId))
                .isEqualTo("https://github.com/acme/app/blob/main/.env");
        assertThat(dsl.fetchValue("SELECT kind FROM key_reminder WHERE api_key_id = ? AND kind = 'LEAKED'", keyId))
                .isEqualTo("LEAKED");
        String audit = (String) dsl.fetchValue(
                "SELECT details FROM audit_event WHERE type = 'API_KEY_LEAKED' AND target_username = ?", owner);
        assertThat(audit).contains("github.com/acme/app").doesNotContain(leaked);

        // reported again: still a real key, nothing more is written
        int leaks = dsl.fetchCount(dsl.selectFrom("api_key_leak"));
        assertThat(report(scanner, "[{\"token\":\"" + leaked + "\"}]").body()).contains("true_positive");
        assertThat(dsl.fetchCount(dsl.selectFrom("api_key_leak"))).isEqualTo(leaks);
    }

    @Test
    void junkLeakReportsCostNoDatabaseWriteAndAreRateLimited() throws Exception {
        HttpClient scanner = client("127.0.0.22");
        // what a leak report may audit; the shared context's scheduled jobs may audit other things
        // meanwhile (one more event, seen in a fresh clone's ./mvnw verify)
        String leakAudit = "SELECT COUNT(*) FROM audit_event WHERE type IN ('API_KEY_LEAKED', 'API_KEY_REVOKED')";
        long audit = (Long) dsl.fetchValue(leakAudit);
        int leaks = dsl.fetchCount(dsl.selectFrom("api_key_leak"));
        int buckets = dsl.fetchCount(dsl.selectFrom("throttle_bucket"));
        int usageDays = dsl.fetchCount(dsl.selectFrom("api_key_usage_day"));
        int status = 0;
        int answered = 0;
        for (int i = 0; i < reportsPerMinute + 5 && status != 429; i++) {
            HttpResponse<String> answer = report(
                    scanner,
                    "[{\"token\":\"" + ApiKeyFormat.generate() + "\"},{\"token\":\"kw_" + i + "\"},{\"token\":null}]");
            status = answer.statusCode();
            if (status == 200) {
                answered++;
                assertThat(answer.body()).doesNotContain("true_positive");
            }
        }
        assertThat(answered).as("reports allowed a minute").isEqualTo(reportsPerMinute);
        assertThat(dsl.fetchCount(dsl.selectFrom("api_key_usage_day"))).isEqualTo(usageDays);
        assertThat(status).isEqualTo(429);
        assertThat((Long) dsl.fetchValue(leakAudit)).isEqualTo(audit);
        assertThat(dsl.fetchCount(dsl.selectFrom("api_key_leak"))).isEqualTo(leaks);
        assertThat(dsl.fetchCount(dsl.selectFrom("throttle_bucket"))).isEqualTo(buckets);
    }

    @Test
    void aLeakReportOfUnknownLengthOrTooLargeIsRefusedBeforeItIsRead() throws Exception {
        HttpClient scanner = client("127.0.0.23");
        String huge = "[" + "{\"token\":\"kw_x\",\"url\":\"" + "u".repeat(300_000) + "\"}]";
        HttpResponse<String> tooLarge = report(scanner, huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("at most 262144 bytes");
        HttpResponse<String> unknownLength = send(
                scanner,
                HttpRequest.newBuilder(url("/api/v1/leaks"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))))
                        .build());
        assertThat(unknownLength.statusCode()).isEqualTo(413);
    }

    private static HttpClient client(String localAddress) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .build();
    }

    private void assertRefusedFromHere(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("not allowed from this address");
    }

    /** A key the service would refuse to make (expired, a disabled owner's), for the Account API. */
    private String inserted(long ownerId, Instant expiresAt) {
        String key = ApiKeyFormat.generate();
        fixtures.insert(
                ownerId,
                "inserted " + System.nanoTime(),
                "",
                ApiKeyFormat.digest(key),
                ApiKeyFormat.hint(key),
                expiresAt.minus(Duration.ofDays(1)),
                expiresAt,
                Set.of("ACCOUNT"));
        return key;
    }

    private String introspector() {
        String caller = accounts.create("gateway", List.of(Authorities.MANAGE_USER_API_KEY));
        return key(caller, Set.of("INTROSPECTION"), null).key();
    }

    private GeneratedApiKey key(String owner, Set<String> sets, String networks) {
        accounts.signInAs(owner);
        try {
            return keys.generate(new NewApiKey(
                    "key " + System.nanoTime(), null, sets, Instant.now().plus(Duration.ofDays(30)), networks));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private HttpResponse<String> introspect(String callerKey, String token, String clientIp) throws Exception {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (clientIp == null ? "" : "&client_ip=" + URLEncoder.encode(clientIp, StandardCharsets.UTF_8));
        return send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(url("/api/v1/introspect"))
                        .header("X-Api-Key", callerKey)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
    }

    private HttpResponse<String> account(HttpClient client, String key, String forwardedFor) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url("/api/v1/account")).header("X-Api-Key", key);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return send(client, request.build());
    }

    private HttpResponse<String> report(HttpClient client, String json) throws Exception {
        return send(
                client,
                HttpRequest.newBuilder(url("/api/v1/leaks"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
