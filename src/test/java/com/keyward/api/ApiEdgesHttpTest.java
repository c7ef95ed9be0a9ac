package com.keyward.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.security.Authorities;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API's edges as an attacker probes them: junk in a leak report, invisible characters meant
 * for the audit log, parameters in the URL and in the body, paths that do not exist, and the
 * statuses the API answers with that its document must declare.
 */
@KeywardTest
@ExtendWith(OutputCaptureExtension.class)
class ApiEdgesHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    DSLContext dsl;

    final List<HttpResponse<String>> responses = new ArrayList<>();

    @AfterEach
    void everyResponseIsWhatTheOpenApiDocumentSays() {
        SecurityContextHolder.clearContext();
        assertThat(OpenApiContract.violations(port, responses)).isEmpty();
    }

    @Test
    void leakReportsWithNullOrInvalidElementsGet400ProblemsAndNoStackTrace(CapturedOutput output) throws Exception {
        HttpClient scanner = client("127.0.0.31");
        for (String junk : List.of(
                "[null]",
                "[{\"token\":\"kw_x\"},null]",
                "[1]",
                "[\"kw_x\"]",
                "[[]]",
                "{\"token\":\"kw_x\"}",
                "[{\"token\":{\"nested\":1}}]",
                "[{\"token\":\"kw_x\"",
                "")) {
            HttpResponse<String> answer = report(scanner, junk, "application/json");
            assertThat(answer.statusCode()).as(junk).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(junk)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(junk).contains("\"status\":400").doesNotContain("Exception");
        }
        assertThat(output.getAll()).doesNotContain("API request failed", "NullPointerException");
    }

    @Test
    void aLeakReportOfTheWrongMediaTypeGets415AsDeclared() throws Exception {
        HttpResponse<String> answer = report(client("127.0.0.32"), "token=kw_x", "text/plain");
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void invisibleFormatCharactersOfTheReporterNeverReachTheAuditLog() throws Exception {
        String owner = accounts.create("bidi", List.of(Authorities.MANAGE_USER_API_KEY));
        String leaked = accounts.keyOf(owner, "ACCOUNT").key();
        SecurityContextHolder.clearContext();
        // "…/gpj.exe" shown as "…/exe.jpg" by the right-to-left override; a zero-width space and a
        // left-to-right isolate inside "github" and the source
        HttpResponse<String> answer = report(
                client("127.0.0.33"),
                "[{\"token\":\"" + leaked + "\",\"url\":\"https://git\\u200bhub.com/acme/\\u202Egpj.exe\","
                        + "\"source\":\"con\\u2066tent\\u2069\\ufeff\"}]",
                "application/json");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("true_positive");

        String audit = (String) dsl.fetchValue(
                "SELECT details FROM audit_event WHERE type = 'API_KEY_LEAKED' AND target_username = ?", owner);
        String stored = (String) dsl.fetchValue(
                "SELECT CONCAT(l.url, ' ', l.source) FROM api_key_leak l JOIN api_key k ON k.id = l.api_key_id "
                        + "JOIN app_user u ON u.id = k.owner_id WHERE u.username = ?",
                owner);
        for (String text : List.of(audit, stored)) {
            assertThat(text.codePoints().filter(c -> Character.getType(c) == Character.FORMAT))
                    .as("format characters in %s", text)
                    .isEmpty();
        }
        assertThat(audit).contains("https://github.com/acme/gpj.exe", "content");
    }

    @Test
    void unknownApiPathsAre404ProblemsWithAKeyAndWithout() throws Exception {
        String key = accounts.keyOf(accounts.create("lost", List.of(Authorities.MANAGE_USER_API_KEY)), "ACCOUNT")
                .key();
        SecurityContextHolder.clearContext();
        for (String path : List.of("/api/v1/nothing", "/api/v2/anything", "/api/v1", "/api/", "/api/v1/accounts")) {
            for (boolean withKey : List.of(true, false)) {
                HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
                if (withKey) {
                    request.header("X-Api-Key", key);
                }
                HttpResponse<String> answer = send(HttpClient.newHttpClient(), request.build());
                assertThat(answer.statusCode())
                        .as("%s %s", path, withKey ? "with a key" : "without")
                        .isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .as(path)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.body()).contains("\"status\":404");
            }
        }
        // a path of an API set the key lacks is still what it was: 403
        HttpResponse<String> otherSet = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(url("/api/v1/roles"))
                        .header("X-Api-Key", key)
                        .build());
        assertThat(otherSet.statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingUserIsA404ProblemThatSaysSoInWords() throws Exception {
        String key = accounts.keyOf(
                        accounts.create("finder", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY)),
                        "USERS")
                .key();
        SecurityContextHolder.clearContext();
        HttpResponse<String> answer = send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(url("/api/v1/users/nobody-here"))
                        .header("X-Api-Key", key)
                        .build());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body())
                .contains("There is no user named \\\"nobody-here\\\".")
                .doesNotContain("!");
    }

    @Test
    void onlyTheQueryStringCountsAsAKeyInTheUrl() throws Exception {
        String caller = accounts.keyOf(
                        accounts.create("gate", List.of(Authorities.MANAGE_USER_API_KEY)), "INTROSPECTION", "ACCOUNT")
                .key();
        String checked = accounts.keyOf(accounts.create("checked", List.of(Authorities.MANAGE_USER_API_KEY)), "ACCOUNT")
                .key();
        SecurityContextHolder.clearContext();
        String body = "token=" + URLEncoder.encode(checked, StandardCharsets.UTF_8);

        // the token in the body, as RFC 7662 wants, with a harmless query parameter beside it
        HttpResponse<String> withQuery = introspect(caller, "?trace=on", body);
        assertThat(withQuery.statusCode()).isEqualTo(200);
        assertThat(withQuery.body()).contains("\"active\":true");
        assertThat(send(
                                HttpClient.newHttpClient(),
                                HttpRequest.newBuilder(url("/api/v1/account?lang=de"))
                                        .header("X-Api-Key", caller)
                                        .build())
                        .statusCode())
                .isEqualTo(200);

        // in the query string, a key or a parameter named like one is refused, whatever the body holds
        for (String query : List.of(
                "?token=" + checked,
                "?x=" + checked,
                "?api_key=whatever",
                "?Access_Token=1",
                "?x=%6Bw_" + checked.substring(3))) {
            HttpResponse<String> refused = introspect(caller, query, body);
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.body()).as(query).contains("not accepted in the URL");
        }
    }

    private HttpResponse<String> introspect(String callerKey, String query, String form) throws Exception {
        return send(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(url("/api/v1/introspect" + query))
                        .header("X-Api-Key", callerKey)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());
    }

    private HttpResponse<String> report(HttpClient client, String body, String type) throws Exception {
        return send(
                client,
                HttpRequest.newBuilder(url("/api/v1/leaks"))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private static HttpClient client(String localAddress) throws Exception {
        return HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(localAddress))
                .build();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
