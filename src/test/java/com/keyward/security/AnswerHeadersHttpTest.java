package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every status Keyward answers, provoked for real over HTTP, carries the header set the README
 * promises: {@code X-Request-Id} (also the problem's {@code requestId}), the Content-Security-Policy,
 * {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options}, {@code Referrer-Policy},
 * a Permissions-Policy and {@code Cache-Control: no-store} — the outage (503) and bug (500)
 * answers of the API included (issue 31: {@code response.reset()} dropped them all). And a failure
 * after the API's work had flushed or written part of its answer still becomes a whole problem,
 * never a {@code 200} with an empty or cut-off body.
 *
 * <p>Keyward's API has no endpoint that answers 201 or 204; the statuses below are all it gives.
 */
@KeywardTest
@Import(AnswerHeadersHttpTest.Failing.class)
class AnswerHeadersHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    /** Failures as the database's loss and a bug cause them, at the points where they can happen. */
    @RestController
    static class Failing {

        static final String PATH = "/api/v1/account/failing";

        @GetMapping(PATH + "/outage")
        String outage() {
            throw lost();
        }

        @GetMapping(PATH + "/bug")
        String bug() {
            throw new IllegalStateException("a bug");
        }

        /** As something below the API flushing before the work failed: 200 with nothing, before the fix. */
        @GetMapping(PATH + "/outage-after-flush")
        void outageAfterFlush(HttpServletResponse response) throws IOException {
            response.flushBuffer();
            throw lost();
        }

        /** More than the container's buffer written, then the failure: a cut-off 200, before the fix. */
        @GetMapping(PATH + "/outage-after-body")
        void outageAfterBody(HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.getWriter().write("[\"" + "x".repeat(20_000));
            throw lost();
        }

        /** Work that ended without an exception and without writing anything: never a valid API answer. */
        @GetMapping(PATH + "/nothing-written")
        void nothingWritten(HttpServletResponse response) {
            // as Spring MVC ended a request whose database socket was lost, taking it for a client gone away
            // (the one empty 200 in 20 kill -9 runs; fixed, see BrokenConnectionHttpTest); the safety net stays
        }

        private static CannotGetJdbcConnectionException lost() {
            return new CannotGetJdbcConnectionException(
                    "lost", new SQLNonTransientConnectionException("socket closed", "08000"));
        }
    }

    @Test
    void everyStatusOfTheApiCarriesTheWholeHeaderSet() throws Exception {
        String key =
                accounts.keyOf("admin", "ACCOUNT", "USERS", "ROLES", "AUDIT").key();
        String accountOnly = accounts.keyOf("dana", "ACCOUNT").key();
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("200", get("/api/v1/account", "X-Api-Key", key));
        answers.put("400", get("/api/v1/users?page=-1", "X-Api-Key", key));
        answers.put("400 from Tomcat", raw("GET /api/v1/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        answers.put("401", get("/api/v1/account"));
        answers.put("403", get("/api/v1/users", "X-Api-Key", accountOnly));
        answers.put("404", get("/api/v1/nothing-here", "X-Api-Key", key));
        answers.put("405", send("DELETE", "/api/v1/account", null, null, "X-Api-Key", key));
        answers.put("405 TRACE", send("TRACE", "/api/v1/account", null, null));
        answers.put("406", get("/api/v1/account", "X-Api-Key", key, "Accept", "text/html"));
        answers.put(
                "413",
                send("POST", "/api/v1/leaks", "application/x-www-form-urlencoded", "a=" + "b".repeat(70 * 1024)));
        answers.put("415", send("POST", "/api/v1/leaks", "text/plain", "token=kw_x"));
        answers.put("429", tooManyFailures());
        answers.put("500", get(Failing.PATH + "/bug", "X-Api-Key", key));
        answers.put(
                "501 from Tomcat",
                raw("GET /api/v1/account HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: bogus\r\n"
                        + "Connection: close\r\n\r\n"));
        answers.put("503", get(Failing.PATH + "/outage", "X-Api-Key", key));
        answers.put("503 after a flush", get(Failing.PATH + "/outage-after-flush", "X-Api-Key", key));
        answers.put("503 after part of the body", get(Failing.PATH + "/outage-after-body", "X-Api-Key", key));
        answers.put("503 for an empty answer", get(Failing.PATH + "/nothing-written", "X-Api-Key", key));

        List<String> missing = new ArrayList<>();
        answers.forEach((expected, answer) -> {
            int status = Integer.parseInt(expected.substring(0, 3));
            if (answer.status() != status) {
                missing.add(expected + ": status " + answer.status() + " " + answer.body());
            }
            missing.addAll(lacking(expected, answer, "default-src 'none'; frame-ancestors 'none'"));
            if (status >= 400) {
                missing.addAll(aWholeProblem(expected, answer));
            }
        });
        assertThat(missing).isEmpty();
        assertThat(answers.get("503").header("retry-after")).isEqualTo("5");
    }

    @Test
    void everyStatusOfTheConsoleCarriesTheWholeHeaderSet() throws Exception {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("200", get("/login"));
        answers.put("400 from Tomcat", raw("GET /%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        answers.put("405 TRACE", send("TRACE", "/login", null, null));
        answers.put("413", send("POST", "/login", "application/x-www-form-urlencoded", "a=" + "b".repeat(70 * 1024)));
        answers.put(
                "501 from Tomcat",
                raw("GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: bogus\r\nConnection: close\r\n\r\n"));

        List<String> missing = new ArrayList<>();
        answers.forEach((expected, answer) -> {
            int status = Integer.parseInt(expected.substring(0, 3));
            if (answer.status() != status) {
                missing.add(expected + ": status " + answer.status());
            }
            missing.addAll(lacking(expected, answer, "object-src 'none'"));
        });
        assertThat(missing).isEmpty();
    }

    /** The headers a client would notice missing, each said with the answer it is missing from. */
    private static List<String> lacking(String expected, Answer answer, String policy) {
        List<String> missing = new ArrayList<>();
        Map<String, String> wanted = Map.of(
                "x-content-type-options", "nosniff",
                "x-frame-options", "DENY",
                "referrer-policy", "no-referrer",
                "cache-control", "no-store");
        wanted.forEach((name, value) -> {
            if (!value.equals(answer.header(name))) {
                missing.add(expected + ": " + name + " is '" + answer.header(name) + "'");
            }
        });
        if (!answer.header("content-security-policy").contains(policy)) {
            missing.add(expected + ": content-security-policy is '" + answer.header("content-security-policy") + "'");
        }
        if (!answer.header("permissions-policy").contains("camera=()")) {
            missing.add(expected + ": no permissions-policy");
        }
        if (!answer.header("x-request-id").matches("[A-Za-z0-9._-]{8,64}")) {
            missing.add(expected + ": x-request-id is '" + answer.header("x-request-id") + "'");
        }
        return missing;
    }

    /** A problem+json document, whole, naming the same request id as its header. */
    private static List<String> aWholeProblem(String expected, Answer answer) {
        if (!answer.header("content-type").startsWith("application/problem+json")) {
            return List.of(expected + ": content-type is '" + answer.header("content-type") + "'");
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return List.of(expected + ": the body is not JSON: " + answer.body());
        }
        List<String> missing = new ArrayList<>();
        if (problem.path("status").asInt() != answer.status()) {
            missing.add(expected + ": the problem's status is " + problem.path("status"));
        }
        if (!problem.path("requestId").asString("").equals(answer.header("x-request-id"))) {
            missing.add(expected + ": the problem's requestId is " + problem.path("requestId") + ", the header's '"
                    + answer.header("x-request-id") + "'");
        }
        return missing;
    }

    /** Failed keys from one address of its own until the throttle answers 429. */
    private Answer tooManyFailures() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.47"))
                .build();
        Answer answer = new Answer(0, Map.of(), "");
        for (int attempt = 0; attempt < 100; attempt++) {
            answer = Answer.of(client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/v1/account"))
                            .header("X-Api-Key", "kw_not-a-key")
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
            if (answer.status() == 429) {
                return answer;
            }
        }
        return answer;
    }

    private Answer get(String path, String... headers) throws Exception {
        return send("GET", path, null, null, headers);
    }

    private Answer send(
            String method, String path, @Nullable String contentType, @Nullable String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        // from a loopback address of its own: the 401s must not meet a throttle that other tests'
        // failed keys from 127.0.0.1 filled (seen in a fresh clone's test order: 429 instead of 401)
        HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.48"))
                .build();
        return Answer.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** For what java.net.http will not send: a URI Tomcat cannot decode, a transfer coding it does not know. */
    private Answer raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = answer.split("\r\n\r\n", 2);
            String[] lines = parts[0].split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            String body = parts.length > 1 ? parts[1] : "";
            return new Answer(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    headers,
                    "chunked".equals(headers.get("transfer-encoding")) ? unchunked(body) : body);
        }
    }

    private static String unchunked(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        static Answer of(HttpResponse<String> response) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            return new Answer(response.statusCode(), headers, response.body());
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }
}
