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
    void requestsTomcatRefusesBeforeTheApplicationStillCarryTheSecurityHeadersAndNoHtml() throws Exception {
        for (String path : List.of("/login?q=" + "a".repeat(20_000), "/api/v1/users?q=" + "a".repeat(20_000))) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path.substring(0, 12)).startsWith("HTTP/1.1 400");
            assertSecurityHeaders(answer);
            assertThat(answer).doesNotContainIgnoringCase("<html").doesNotContain("Apache Tomcat");
        }
        // a request line Tomcat cannot parse at all, and a URI it refuses
        for (String line :
                List.of("GET /login?x=a b c HTTP/1.1", "GET /%zz HTTP/1.1", "GET /api/v1/users?q=%zz HTTP/1.1")) {
            String answer = raw(line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(line).startsWith("HTTP/1.1 400");
            assertSecurityHeaders(answer);
            assertThat(answer).as(line).doesNotContainIgnoringCase("<html");
        }
    }

    @Test
    void traceAndUnknownMethodsAreRefusedEverywhereNeverARedirect() throws Exception {
        for (String method : List.of("TRACE", "FOO", "PROPFIND", "CONNECT")) {
            for (String path : List.of("/", "/login", "/api/v1/account", "/no-such-page")) {
                String target = method.equals("CONNECT") ? "127.0.0.1:" + port : path;
                String answer = raw(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n");
                // CONNECT is refused by Tomcat itself, as not implemented
                assertThat(answer)
                        .as("%s %s", method, target)
                        .startsWith(method.equals("CONNECT") ? "HTTP/1.1 501" : "HTTP/1.1 405");
                assertThat(answer).as("%s %s", method, target).doesNotContainIgnoringCase("Location:");
                assertSecurityHeaders(answer);
                if (method.equals("CONNECT")) {
                    break;
                }
            }
        }
    }

    @Test
    void theRedirectAfterSignInIsRelativeWhateverTheHostSays() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        assertThat(SignInForm.location(SignInForm.submit(browser, port, "dana", "dana")))
                .isEqualTo("/");
        // a page asked for with a forged Host is remembered for after the sign-in: as a path only
        String first = raw("GET /users?x=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(first).startsWith("HTTP/1.1 302");
        java.util.regex.Matcher session = java.util.regex.Pattern.compile("(?i)Set-Cookie: (JSESSIONID=[^;]+)")
                .matcher(first);
        assertThat(session.find()).isTrue();
        String cookie = session.group(1);
        String page =
                raw("GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n");
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "username=dana&password=dana&_csrf="
                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8);
        String answer = raw("POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form);
        assertThat(answer).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
        assertThat(answer).containsIgnoringCase("Location: /users?x=1");
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

    /** What an attacker's raw request gets back, status line and headers included. */
    private String raw(String request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertSecurityHeaders(String answer) {
        String head = answer.split("\r\n\r\n", 2)[0].toLowerCase(java.util.Locale.ROOT);
        assertThat(head)
                .contains(
                        "content-security-policy: ",
                        "frame-ancestors 'none'",
                        "x-content-type-options: nosniff",
                        "x-frame-options: deny",
                        "referrer-policy: no-referrer",
                        "permissions-policy: camera=()");
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
