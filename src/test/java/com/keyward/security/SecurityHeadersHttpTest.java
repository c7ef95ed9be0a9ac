package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every response tells the browser, and what a forged Host or a proxy cannot change. */
@KeywardTest
class SecurityHeadersHttpTest {

    @LocalServerPort
    int port;

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of(
                "/login",
                "/",
                "/styles/keyward.css",
                "/api/v1/account",
                "/v3/api-docs/users",
                "/actuator/health",
                "/no-such-page")) {
            HttpHeaders headers = get(path).headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("*")
                            .containsAnyOf("object-src 'none'", "default-src 'none'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(headers.firstValue("Permissions-Policy"))
                    .as(path)
                    .hasValueSatisfying(
                            policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
        assertThat(get("/api/v1/account").headers().firstValue("Content-Security-Policy"))
                .contains("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void theApplicationsRepliesAreNeverStoredWhatEverVaadinSays() throws Exception {
        assertThat(get("/login").headers().allValues("Cache-Control")).containsExactly("no-store");
        // a UIDL reply (where a new key travels) goes through the same filter as this one
        HttpResponse<String> uidl = send(HttpRequest.newBuilder(URI.create(base() + "/?v-r=uidl&v-uiId=0"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));
        assertThat(uidl.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void aForgedHostHeaderNeverBecomesARedirectTarget() throws Exception {
        // java.net.http refuses to set Host; a raw socket sends what an attacker would
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer =
                    new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
            assertThat(answer).containsIgnoringCase("Location: /login");
        }
    }

    @Test
    void theSessionCookieIsSecureWhenATrustedProxyReceivedTheRequestOverHttps() throws Exception {
        HttpClient direct = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> plain = SignInForm.submit(direct, port, "dana", "dana");
        assertThat(plain.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));

        // 127.0.0.2 is the tests' trusted proxy; it says the client came over HTTPS
        HttpClient proxy = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = proxy.send(
                HttpRequest.newBuilder(URI.create(base() + "/login"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
        // the same claim from anyone else changes nothing
        HttpResponse<String> forged = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.8"))
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/login"))
                                .header("X-Forwarded-Proto", "https")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
