package com.keyward.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.TestAccounts;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One node under 200 concurrent connections for 60 s (the operator's {@code wrk -t2 -c200 -d60s}):
 * the Account API with a valid key must answer every request with 2xx, no socket error, and the
 * latency percentiles are printed for BENCHMARKS.md. Not part of the build (its name is not *Test):
 *
 * <pre>./mvnw test -Dtest=LoadBenchmark</pre>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.security=warn")
class LoadBenchmark {

    private static final String SECONDS = System.getProperty("keyward.benchmark.seconds", "60");

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    @Test
    void twoHundredConnectionsForAMinuteGetOnly2xx() throws Exception {
        String key = accounts.keyOf("dana", "ACCOUNT").key();
        String url = "http://127.0.0.1:" + port + "/api/v1/account";
        Wrk.run(List.of("wrk", "-t2", "-c200", "-d10s", "-H", "X-Api-Key: " + key, url)); // warm-up
        String output = Wrk.run(
                List.of("wrk", "-t2", "-c200", "-d" + SECONDS + "s", "--latency", "-H", "X-Api-Key: " + key, url));

        System.out.println("\nwrk -t2 -c200 -d" + SECONDS + "s, GET /api/v1/account with a valid key, one node:\n"
                + output + "\n");
        assertThat(output).doesNotContain("Non-2xx").doesNotContain("Socket errors");
        Matcher p99 = Pattern.compile("99%\\s+(\\S+)").matcher(output);
        assertThat(p99.find()).isTrue();
        System.out.println("p99 " + p99.group(1));
    }
}
