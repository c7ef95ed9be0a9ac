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

    private HttpResponse<byte[]> get(String path, String encoding) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Encoding", encoding)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
