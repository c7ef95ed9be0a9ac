package com.keyward;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the Account API answers a key, over real HTTP, now or within the 5 s key-cache bound. */
public final class ApiStatus {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ApiStatus() {}

    public static int of(String baseUrl, String key) throws Exception {
        return CLIENT.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/account"))
                                .header("X-Api-Key", key)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The status once it is {@code wanted}, or the last one seen after 5 s. */
    public static int within5s(String baseUrl, String key, int wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status = of(baseUrl, key);
        while (status != wanted && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = of(baseUrl, key);
        }
        return status;
    }
}
