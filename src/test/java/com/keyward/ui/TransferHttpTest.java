package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the console's files cost on the wire: stylesheets compressed and cached, pages neither. */
@KeywardTest
class TransferHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    com.keyward.TestAccounts accounts;

    @Test
    void lumosStylesheetGoesCompressedAndIsCachedForADay() throws Exception {
        HttpResponse<byte[]> plain = get("/lumo/lumo.css", "identity");
        HttpResponse<byte[]> gzip = get("/lumo/lumo.css", "gzip");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 4);
        System.out.printf("lumo.css: %,d bytes, %,d gzipped%n", plain.body().length, gzip.body().length);
        assertThat(gzip.headers().firstValue("Cache-Control")).contains(SecurityHeaders.ONE_DAY);
        assertThat(get("/icons/favicon.svg", "gzip").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
    }

    @Test
    void pagesAreNeitherCompressedNorStored() throws Exception {
        HttpResponse<byte[]> login = get("/login", "gzip");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(login.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void formsTooLargeOrWithTooManyParametersAreRefusedWith413Or400NeverA500() throws Exception {
        String large = "username=x&password=" + "a".repeat(3 * 1024 * 1024);
        String many = java.util.stream.IntStream.range(0, 20_000)
                .mapToObj(i -> "p" + i + "=1")
                .collect(java.util.stream.Collectors.joining("&"));
        // small enough in bytes, but more fields than any form of Keyward has
        String fields = many.substring(0, many.indexOf("&p1000="));
        String key = accounts.keyOf(
                        accounts.create(
                                "forms", java.util.List.of(com.keyward.security.Authorities.MANAGE_USER_API_KEY)),
                        "INTROSPECTION")
                .key();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        record Case(String path, String form, int status) {}
        for (Case c : java.util.List.of(
                new Case("/login", large, 413),
                new Case("/login", many, 413),
                new Case("/login", fields, 400),
                new Case("/", large, 413),
                new Case("/api/v1/introspect", large, 413),
                new Case("/api/v1/introspect", many, 413),
                new Case("/api/v1/introspect", fields, 400))) {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Api-Key", key)
                            .POST(HttpRequest.BodyPublishers.ofString(c.form()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as("%s, %,d bytes", c.path(), c.form().length())
                    .isEqualTo(c.status());
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(c.path())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"status\":" + c.status());
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Encoding", encoding)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
