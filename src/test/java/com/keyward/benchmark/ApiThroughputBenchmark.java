package com.keyward.benchmark;

import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyService;
import com.keyward.security.SignedInUser;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Throughput of "who am I" (the Account API's GET /api/v1/account) over loopback with wrk, in one
 * run: (a) with a valid API key, (b) the same work on a permitted endpoint without
 * authentication, (c) the same work behind HTTP Basic against a BCrypt(10) user. Not a test: it
 * prints figures.
 *
 * <pre>apt-get install wrk; ./mvnw test -Dtest=ApiThroughputBenchmark</pre>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.security=warn")
class ApiThroughputBenchmark {

    @Autowired
    TestAccounts accounts;

    private static final String SECONDS = System.getProperty("keyward.benchmark.seconds", "15");

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyService keys;

    @Autowired
    UserFixtures users;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void throughput() throws Exception {
        String key = accounts.keyOf("dana", "ACCOUNT").key();
        String basic = java.util.Base64.getEncoder().encodeToString("dana:dana".getBytes(StandardCharsets.UTF_8));
        String base = "http://127.0.0.1:" + port;

        String[][] variants = {
            {base + "/api/v1/account", "X-Api-Key: " + key},
            {base + "/bench/open/account", null},
            {base + "/bench/basic/account", "Authorization: Basic " + basic}
        };
        // warm every path first (the JIT and the buffer pool serve all three), then measure
        // (a) and (b) twice, interleaved, keeping each one's better run
        for (String[] variant : variants) {
            wrk(variant[0], variant[1], "5");
        }
        double apiKey = 0;
        double open = 0;
        for (int round = 0; round < 2; round++) {
            apiKey = Math.max(apiKey, wrk(variants[0][0], variants[0][1], SECONDS));
            open = Math.max(open, wrk(variants[1][0], variants[1][1], SECONDS));
        }
        double httpBasic = wrk(variants[2][0], variants[2][1], SECONDS);

        System.out.printf(
                "%nAccount API \"who am I\", wrk -t2 -c8 -d%ss over loopback, same JVM and database"
                        + " (all warmed 5 s; (a) and (b) best of two interleaved runs)%n",
                SECONDS);
        System.out.printf("  (a) valid API key             %10.1f req/s%n", apiKey);
        System.out.printf("  (b) unauthenticated, same work %9.1f req/s%n", open);
        System.out.printf("  (c) HTTP Basic, BCrypt(10)    %10.1f req/s%n", httpBasic);
        System.out.printf(
                "Goals: (a)/(b) >= 0.9 -> %.2f; (a)/(c) >= 50 -> %.1f%n%n", apiKey / open, apiKey / httpBasic);
    }

    /** Requests per second; any non-2xx answer spoils the run. */
    private static double wrk(String url, String header, String seconds) throws Exception {
        String output = Wrk.run(command(seconds, url, header));
        if (output.contains("Non-2xx")) {
            throw new IllegalStateException("errors while measuring " + url + ":\n" + output);
        }
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
        if (!rate.find()) {
            throw new IllegalStateException("no rate in wrk output:\n" + output);
        }
        return Double.parseDouble(rate.group(1));
    }

    private static List<String> command(String seconds, String url, String header) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c8", "-d" + seconds + "s", "--latency"));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        return command;
    }

    /** The two comparison endpoints, present only in this benchmark's context. */
    @TestConfiguration
    static class ComparisonEndpoints {

        @Bean
        @Order(0)
        SecurityFilterChain benchmarkChain(HttpSecurity http) throws Exception {
            return http.securityMatcher("/bench/**")
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .authorizeHttpRequests(requests -> requests.requestMatchers("/bench/open/**")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }

        @Bean
        Endpoints benchmarkEndpoints(UserService users, UserDetailsService userDetails) {
            return new Endpoints(users, userDetails);
        }
    }

    @RestController
    static class Endpoints {

        private final UserService users;
        private final UserDetailsService userDetails;
        private volatile SignedInUser dana;

        Endpoints(UserService users, UserDetailsService userDetails) {
            this.users = users;
            this.userDetails = userDetails;
        }

        /** (b): the Account API's work for dana, with no authentication at all. */
        @GetMapping("/bench/open/account")
        UserAccountDetails open() {
            if (dana == null) {
                // loaded once (demo data is seeded after start-up), as a session would hold it
                dana = (SignedInUser) userDetails.loadUserByUsername("dana");
            }
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(dana, null, dana.getAuthorities()));
            try {
                return users.myAccount();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        /** (c): the same, after HTTP Basic checked dana's BCrypt(10) password. */
        @GetMapping("/bench/basic/account")
        UserAccountDetails basic() {
            return users.myAccount();
        }
    }
}
