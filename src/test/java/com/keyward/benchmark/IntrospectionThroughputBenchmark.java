package com.keyward.benchmark;

import com.keyward.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Introspection (POST /api/v1/introspect, the caller's key plus the key checked) against the
 * Account API's key-authenticated "who am I" (GET /api/v1/account), with wrk over loopback in
 * interleaved rounds: every round printed, then the median ratio and its spread. Not a test: it
 * prints figures and fails only on errors (a non-2xx answer, an inactive answer).
 *
 * <pre>apt-get install wrk; ./mvnw test -Dtest=IntrospectionThroughputBenchmark [-Dkeyward.benchmark.rounds=5 -Dkeyward.benchmark.seconds=10]</pre>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.security=warn")
class IntrospectionThroughputBenchmark {

    private static final String SECONDS = System.getProperty("keyward.benchmark.seconds", "10");
    private static final int ROUNDS = Integer.getInteger("keyward.benchmark.rounds", 5);

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    @Test
    void throughput() throws Exception {
        String accountKey = accounts.keyOf("dana", "ACCOUNT").key();
        String checked = accounts.keyOf("dana", "ACCOUNT", "USERS").key();
        String gateway = accounts.keyOf("admin", "INTROSPECTION").key();
        String base = "http://127.0.0.1:" + port;
        Path script = Files.createTempFile("introspect", ".lua");
        Files.writeString(
                script,
                "wrk.method = \"POST\"\n"
                        + "wrk.body = \"token=" + checked + "\"\n"
                        + "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"
                        + "wrk.headers[\"X-Api-Key\"] = \"" + gateway + "\"\n");
        requireActive(base, gateway, checked);
        try {
            List<String> account = List.of("-H", "X-Api-Key: " + accountKey, base + "/api/v1/account");
            List<String> introspect = List.of("-s", script.toString(), base + "/api/v1/introspect");
            rate(account, "5");
            rate(introspect, "5");
            System.out.printf(
                    "%nIntrospection vs the Account API, wrk -t2 -c8 -d%ss over loopback, same JVM and database, %d rounds%n",
                    SECONDS, ROUNDS);
            double[] ratios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                double a;
                double i;
                if (round % 2 == 0) {
                    a = rate(account, SECONDS);
                    i = rate(introspect, SECONDS);
                } else {
                    i = rate(introspect, SECONDS);
                    a = rate(account, SECONDS);
                }
                ratios[round] = i / a;
                System.out.printf(
                        "  round %d: account %7.1f  introspect %7.1f req/s   introspect/account %.3f%n",
                        round + 1, a, i, ratios[round]);
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1
                    ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            System.out.printf(
                    "  introspect/account median %.3f, rounds %.3f .. %.3f   (goal >= 0.9)%n%n",
                    median, sorted[0], sorted[sorted.length - 1]);
            // the answers measured were the real thing: still active after every round
            requireActive(base, gateway, checked);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static void requireActive(String base, String gateway, String checked) throws Exception {
        String answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/introspect"))
                                .header("X-Api-Key", gateway)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + checked))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        if (!answer.contains("\"active\":true")) {
            throw new IllegalStateException("the checked key should be active: " + answer);
        }
    }

    private static double rate(List<String> target, String seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + seconds + "s"));
        command.addAll(target);
        return Wrk.requestsPerSecond(command);
    }
}
