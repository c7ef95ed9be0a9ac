package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.SecondContext;
import com.keyward.apikey.ApiKeyFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the production default (no trusted proxy), nobody's X-Forwarded-* headers count: not even
 * from loopback or private addresses, which Tomcat and Spring Boot would trust by default.
 */
@ExtendWith(SecondContext.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=${KEYWARD_TRUSTED_PROXIES:}")
class UntrustedProxyHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void forwardedHeadersFromAnUnconfiguredProxyAreIgnored() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Set-Cookie"))
                .isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));

        // each request claims another client: all of them still count against 127.0.0.1
        int status = 0;
        for (int attempt = 0; attempt < 40 && status != 429; attempt++) {
            status = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/account"))
                                    .header("X-Forwarded-For", "10.1.2." + attempt)
                                    .header("X-Api-Key", ApiKeyFormat.generate())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
        assertThat(status).isEqualTo(429);
    }
}
