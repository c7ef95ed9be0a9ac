package com.keyward.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyFormat;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.NewApiKey;
import com.keyward.security.Authorities;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What an operator's Prometheus scrapes and alerts on (deploy/observability): latency buckets, API
 * refusals by route, authentication outcomes as the client was told them, the usage-flush lag.
 */
@KeywardTest
class MetricsHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyService keys;

    @Test
    void requestLatencyIsAHistogramWithTheAlertsBucketBounds() throws Exception {
        String key = accounts.keyOf(integrator(), "ACCOUNT").key();
        assertThat(get("/api/v1/account", key).statusCode()).isEqualTo(200);

        Scrape scrape = scrape();
        Map<String, String> account = Map.of("uri", "/api/v1/account", "method", "GET", "status", "200");
        double count = scrape.sum("http_server_requests_seconds_count", account);
        assertThat(count).isGreaterThanOrEqualTo(1);
        // the bounds the alert rules name (0.5 s, 1 s, 2.5 s) are buckets, and +Inf holds every request
        for (String bound : List.of("0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0")) {
            assertThat(scrape.series("http_server_requests_seconds_bucket", with(account, "le", bound)))
                    .as("bucket le=%s", bound)
                    .hasSize(1);
        }
        assertThat(scrape.sum("http_server_requests_seconds_bucket", with(account, "le", "+Inf")))
                .isEqualTo(count);
    }

    @Test
    void refusalsInTheApiFilterChainAreLabelledWithTheirApiSetsRoute() throws Exception {
        String accountKey = accounts.keyOf(integrator(), "ACCOUNT").key();
        double unknownBefore = scrape().sum("http_server_requests_seconds_count", Map.of("uri", "UNKNOWN"));

        assertThat(get("/api/v1/users", ApiKeyFormat.generate()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/roles/7", accountKey).statusCode()).isEqualTo(403);

        Scrape scrape = scrape();
        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("uri", "/api/v1/users/**", "status", "401")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("uri", "/api/v1/roles/**", "status", "403")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("http_server_requests_seconds_count", Map.of("uri", "UNKNOWN")))
                .isEqualTo(unknownBefore);
    }

    @Test
    void authenticationOutcomesSayWhatTheClientWasTold() throws Exception {
        String owner = integrator();
        String accountKey = accounts.keyOf(owner, "ACCOUNT").key();
        String officeOnlyKey = keyFromNetworks(owner, "10.20.0.0/16");
        Scrape before = scrape();

        assertThat(get("/api/v1/account", accountKey).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/roles", accountKey).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/account", officeOnlyKey).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/account", ApiKeyFormat.generate()).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/account", null).statusCode()).isEqualTo(401);
        // from an address of its own, unknown keys until the throttle answers 429
        HttpClient guesser = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.57"))
                .build();
        int guesses = 0;
        int status;
        do {
            status = guesser.send(
                            request("/api/v1/account", ApiKeyFormat.generate()), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            guesses++;
        } while (status == 401 && guesses < 100);
        assertThat(status).isEqualTo(429);

        Scrape after = scrape();
        assertThat(after.increase(before, "success")).isEqualTo(1);
        assertThat(after.increase(before, "outside_sets")).isEqualTo(1);
        assertThat(after.increase(before, "outside_networks")).isEqualTo(1);
        assertThat(after.increase(before, "unknown")).isEqualTo(1 + guesses - 1);
        assertThat(after.increase(before, "missing")).isEqualTo(1);
        assertThat(after.increase(before, "throttled")).isEqualTo(1);
    }

    @Test
    void theUsageFlushLagIsSecondsSinceTheLastFlushThatWroteTheCounts() throws Exception {
        String key = accounts.keyOf(integrator(), "ACCOUNT").key();
        assertThat(get("/api/v1/account", key).statusCode()).isEqualTo(200);
        // the flush runs every 5 s: within 10 s of a call it has written the call and the lag is below that
        List<Scrape.Sample> lag = scrape().series("keyward_api_usage_flush_lag_seconds", Map.of());
        assertThat(lag).hasSize(1);
        assertThat(lag.getFirst().value()).isBetween(0.0, 10.0);
    }

    private String integrator() {
        return accounts.create("metrics", List.of(Authorities.MANAGE_USER_API_KEY));
    }

    private String keyFromNetworks(String owner, String networks) {
        accounts.signInAs(owner);
        try {
            return keys.generate(new NewApiKey(
                            "office " + System.nanoTime(),
                            null,
                            Set.of("ACCOUNT"),
                            Instant.now().plus(Duration.ofDays(30)),
                            networks))
                    .key();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        var more = new java.util.HashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private Scrape scrape() throws Exception {
        HttpResponse<String> scraped = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + OperationsHttpTest.SCRAPE_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        return Scrape.parse(scraped.body());
    }

    /**
     * From an address of these tests' own: failures of other tests from 127.0.0.1 never bring this
     * one's to the throttle's allowance.
     */
    private HttpResponse<String> get(String path, @Nullable String key) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.56"))
                .build()
                .send(request(path, key), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, @Nullable String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (key != null) {
            builder.header("X-Api-Key", key);
        }
        return builder.build();
    }
}
