package com.keyward.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator's tools see over real HTTP: metrics access, request ids, a proxy's scheme. */
@KeywardTest
class OperationsHttpTest {

    /** The tests' scrape token (src/test/resources/config/application.properties). */
    static final String SCRAPE_TOKEN = "test-scrape-token-0123456789";

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder()
            .localAddress(loopback("127.0.0.9"))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Test
    void prometheusReadsTheMetricsWithTheScrapeTokenAndNobodyElseDoes() throws Exception {
        // something to count first: a refused key
        send(HttpRequest.newBuilder(uri("/api/v1/account")).header("X-Api-Key", "kw_not_a_key"));

        HttpResponse<String> scraped = send(
                HttpRequest.newBuilder(uri("/actuator/prometheus")).header("Authorization", "Bearer " + SCRAPE_TOKEN));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body())
                .contains("keyward_database_reachable 1.0")
                .contains("keyward_api_authentications_total{")
                .contains("hikaricp_connections_max");
        assertThat(scraped.headers().allValues("Set-Cookie")).isEmpty();

        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus"))).statusCode())
                .isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                                .header("Authorization", "Bearer " + SCRAPE_TOKEN + "x"))
                        .statusCode())
                .isEqualTo(401);
        // the token opens the metrics only, nothing else of the actuator
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/metrics"))
                                .header("Authorization", "Bearer " + SCRAPE_TOKEN))
                        .statusCode())
                .isNotEqualTo(200);
    }

    @Test
    void everyAnswerCarriesItsRequestIdAndAProblemBodyTheSame() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/account")));
        String id = refused.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(id).matches("[0-9a-f]{16}");
        assertThat(refused.body()).contains("\"requestId\":\"" + id + "\"");

        // a proxy's own id is kept, so its log line and ours meet; a malformed one is replaced
        HttpResponse<String> viaProxy = send(
                HttpRequest.newBuilder(uri("/api/v1/account")).header(RequestIds.HEADER, "nginx-0123456789abcdef"));
        assertThat(viaProxy.headers().firstValue(RequestIds.HEADER)).hasValue("nginx-0123456789abcdef");
        assertThat(viaProxy.body()).contains("\"requestId\":\"nginx-0123456789abcdef\"");
        HttpResponse<String> forged = send(
                HttpRequest.newBuilder(uri("/api/v1/account")).header(RequestIds.HEADER, "<script>alert(1)</script>"));
        assertThat(forged.headers().firstValue(RequestIds.HEADER).orElseThrow()).matches("[0-9a-f]{16}");
    }

    @Test
    void behindTheTrustedProxyOnHttpsRedirectsStayRelativeAndTheCookieIsSecure() throws Exception {
        // 127.0.0.2 is the tests' trusted proxy (server.tomcat.remoteip.internal-proxies)
        HttpClient proxy = HttpClient.newBuilder()
                .localAddress(loopback("127.0.0.2"))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> page = proxy.send(
                HttpRequest.newBuilder(uri("/account"))
                        .header("Accept", "text/html")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "keyward.example.internal")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        // relative: the browser keeps https and the host it used
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
