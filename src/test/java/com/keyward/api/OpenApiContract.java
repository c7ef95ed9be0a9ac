package com.keyward.api;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks API responses against the OpenAPI document the application serves for their API set,
 * with Atlassian's validator: a response the document does not describe (a status, a content
 * type, a null where a string is declared) is a violation.
 */
final class OpenApiContract {

    /** The OpenAPI group of each first path segment after /api/v1. */
    private static final Map<String, String> GROUPS = Map.of(
            "account", "account",
            "users", "users",
            "roles", "roles",
            "audit", "audit",
            "introspect", "introspection",
            "leaks", "leaks");

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiContract() {}

    /** The violations of these responses; responses to paths the documents do not have are skipped. */
    static List<String> violations(int port, List<HttpResponse<String>> responses) {
        List<String> violations = new ArrayList<>();
        for (HttpResponse<String> response : responses) {
            String path = response.request().uri().getRawPath();
            String[] segments = path.split("/");
            if (!path.startsWith("/api/v1/") || segments.length < 4 || !GROUPS.containsKey(segments[3])) {
                continue;
            }
            OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(
                    GROUPS.get(segments[3]),
                    group -> OpenApiInteractionValidator.createForInlineApiSpecification(document(port, group))
                            .build());
            SimpleResponse.Builder checked =
                    SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
            response.headers().map().forEach(checked::withHeader);
            ValidationReport report = validator.validateResponse(
                    path, Request.Method.valueOf(response.request().method()), checked.build());
            report.getMessages().stream()
                    .filter(message -> !message.getKey().equals("validation.response.path.missing"))
                    // a 405 answers an operation that, by definition, the document does not have
                    .filter(message ->
                            !(response.statusCode() == 405 && message.getKey().endsWith("operation.notAllowed")))
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(message -> violations.add(response.request().method() + " " + path + " → "
                            + response.statusCode() + ": " + message.getMessage()));
        }
        return violations;
    }

    private static String document(int port, String group) {
        try {
            HttpResponse<String> document = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/" + group))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("No OpenAPI document for " + group + ": " + document.statusCode());
            }
            return document.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
