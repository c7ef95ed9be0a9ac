package com.keyward.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyUsageRecorder;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.security.Authorities;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Usage counted per key and day, over real HTTP: what the Account API reports is exactly what
 * the test sent — accepted calls, 403s outside the key's sets, 401s once it is revoked.
 */
@KeywardTest
class KeyUsageHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyUsageRecorder recorder;

    @Autowired
    com.keyward.apikey.ApiKeyService keys;

    final HttpClient client = HttpClient.newBuilder().localAddress(loopback()).build();

    @Test
    @SuppressWarnings("unchecked")
    void theAccountApiReportsTheCallsRefusalsAndLastUseOfTheOwnersKey() throws Exception {
        String owner = accounts.create("usage", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey counted = accounts.keyOf(owner, "ACCOUNT");
        GeneratedApiKey reader = accounts.keyOf(owner, "ACCOUNT");
        for (int i = 0; i < 7; i++) {
            assertThat(get("/api/v1/account", counted.key()).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/v1/users", counted.key()).statusCode()).isEqualTo(403);
        }
        accounts.signInAs(owner);
        keys.revoke(counted.info().id());
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        for (int i = 0; i < 2; i++) {
            assertThat(get("/api/v1/account", counted.key()).statusCode()).isEqualTo(401);
        }
        recorder.flush();

        HttpResponse<String> answer =
                get("/api/v1/account/keys/" + counted.info().id() + "/usage", reader.key());
        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, Object> usage = new ObjectMapper().readValue(answer.body(), Map.class);
        assertThat(((Number) usage.get("calls")).longValue()).isEqualTo(7);
        assertThat(((Number) usage.get("refused403")).longValue()).isEqualTo(3);
        assertThat(((Number) usage.get("refused401")).longValue()).isEqualTo(2);
        assertThat(usage.get("lastUsedAddress")).isEqualTo("127.0.0.11");
        List<Map<String, Object>> days = (List<Map<String, Object>>) usage.get("days");
        assertThat(days).hasSize(30);
        assertThat(days.getLast().get("day"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(((Number) days.getLast().get("calls")).longValue()).isEqualTo(7);

        // somebody else's key: as if it did not exist
        String someoneElse = accounts.create("other", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey theirKey = accounts.keyOf(someoneElse, "ACCOUNT");
        assertThat(get("/api/v1/account/keys/" + counted.info().id() + "/usage", theirKey.key())
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Api-Key", key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.11");
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
