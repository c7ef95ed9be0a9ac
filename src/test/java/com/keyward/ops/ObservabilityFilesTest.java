package com.keyward.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.security.Authorities;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/observability: the alert rules pass promtool (syntax, and their unit tests fire on the
 * series Keyward exposes), and every metric the rules and the Grafana dashboard name is in a real
 * scrape of Keyward, so that a renamed metric fails here instead of silencing an alert.
 */
@KeywardTest
class ObservabilityFilesTest {

    private static final Path FOLDER = Path.of("deploy/observability");
    private static final Path RULES = FOLDER.resolve("keyward-alerts.yml");
    private static final Path DASHBOARD = FOLDER.resolve("keyward-dashboard.json");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** Made by Prometheus itself, not by Keyward. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void theAlertRulesPassPromtoolsCheckAndTheirTests() throws Exception {
        assumeTrue(
                Files.isExecutable(PROMTOOL),
                "promtool is not installed (Debian package prometheus, which .ci/run installs): "
                        + "deploy/observability/keyward-alerts.yml is NOT checked");
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS: 10 rules found");
        assertThat(promtool(
                        "test",
                        "rules",
                        FOLDER.resolve("keyward-alerts.test.yml").toString()))
                .contains("SUCCESS");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardNameIsInAScrapeOfKeyward() throws Exception {
        // what the metrics need to exist: an API call with a key
        String key = accounts.keyOf(accounts.create("observed", List.of(Authorities.MANAGE_USER_API_KEY)), "ACCOUNT")
                .key();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/account")).header("X-Api-Key", key))
                        .statusCode())
                .isEqualTo(200);
        Set<String> scraped = Scrape.parse(send(HttpRequest.newBuilder(uri("/actuator/prometheus"))
                                .header("Authorization", "Bearer " + OperationsHttpTest.SCRAPE_TOKEN))
                        .body())
                .names();

        Set<String> inRules = new TreeSet<>();
        rulesExpressions().forEach(expression -> inRules.addAll(metricNames(expression)));
        Set<String> inDashboard = new TreeSet<>();
        dashboardExpressions().forEach(expression -> inDashboard.addAll(metricNames(expression)));
        System.out.printf("metrics named by the alert rules: %s%nby the dashboard: %s%n", inRules, inDashboard);

        assertThat(inRules)
                .contains(
                        "http_server_requests_seconds_bucket",
                        "keyward_api_usage_flush_lag_seconds",
                        "keyward_api_authentications_total",
                        "keyward_alive");
        assertThat(inDashboard).contains("http_server_requests_seconds_bucket", "keyward_ready");
        assertThat(without(inRules, PROMETHEUS_OWN)).as("alert rules").isSubsetOf(scraped);
        assertThat(inDashboard).as("dashboard").isSubsetOf(scraped);
    }

    @Test
    void metricNamesAreFoundInAnExpressionAndNothingElseIs() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (instance, le) "
                        + "(rate(http_server_requests_seconds_bucket{uri=~\"/api/.*\",instance=~\"$instance\"}[5m])))"
                        + " > 0.5 or on(instance) keyward_alive == bool 0"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "keyward_alive");
        assertThat(metricNames("label_values(keyward_database_reachable, instance)"))
                .containsExactly("keyward_database_reachable");
    }

    /** The expr of every rule. */
    @SuppressWarnings("unchecked")
    private static List<String> rulesExpressions() throws IOException {
        try (Reader reader = Files.newBufferedReader(RULES)) {
            Map<String, Object> rules = new Yaml().load(reader);
            List<String> expressions = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    expressions.add((String) rule.get("expr"));
                }
            }
            assertThat(expressions).hasSize(10);
            return expressions;
        }
    }

    /** The expr of every panel's target and the queries of the template variables. */
    private static List<String> dashboardExpressions() throws IOException {
        Matcher field = Pattern.compile("\"(expr|definition)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                .matcher(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        while (field.find()) {
            expressions.add(field.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        return expressions;
    }

    /**
     * The metric names in a PromQL expression: what is left once strings, label matchers, ranges,
     * dashboard variables, grouping clauses, function calls and keywords are taken out.
     */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{?\\w+}?", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()")
                .matcher(bare);
        while (name.find()) {
            if (!KEYWORDS.contains(name.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static Set<String> without(Set<String> names, Set<String> left) {
        Set<String> rest = new TreeSet<>(names);
        rest.removeAll(left);
        return rest;
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.print(output);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
