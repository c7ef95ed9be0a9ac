package com.keyward.benchmark;

import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.SwitchableUsage;
import com.keyward.security.SignedInUser;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
 * Throughput of "who am I" (the Account API's GET /api/v1/account) over loopback with wrk, in
 * interleaved rounds: (a) with a valid API key, (a0) the same with the key's usage counting
 * switched off, (b) the same work on a permitted endpoint without authentication, (c) the same
 * work behind HTTP Basic against a BCrypt(10) user. Every round is printed, then each ratio's
 * median and spread. Not a test: it prints figures, and fails only on errors (a non-2xx answer).
 *
 * <pre>apt-get install wrk; ./mvnw test -Dtest=ApiThroughputBenchmark [-Dkeyward.benchmark.rounds=5 -Dkeyward.benchmark.seconds=10]</pre>
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.org.springframework.security=warn")
class ApiThroughputBenchmark {

    @Autowired
    TestAccounts accounts;

    private static final String SECONDS = System.getProperty("keyward.benchmark.seconds", "10");
    private static final int ROUNDS = Integer.getInteger("keyward.benchmark.rounds", 5);

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

    @Autowired
    SwitchableUsage usage;

    @Test
    void throughput() throws Exception {
        String key = accounts.keyOf("dana", "ACCOUNT").key();
        String basic = java.util.Base64.getEncoder().encodeToString("dana:dana".getBytes(StandardCharsets.UTF_8));
        String base = "http://127.0.0.1:" + port;
        Variant withKey = new Variant("(a) valid API key", base + "/api/v1/account", "X-Api-Key: " + key, true);
        Variant uncounted = new Variant(
                "(a0) valid API key, usage not counted", base + "/api/v1/account", "X-Api-Key: " + key, false);
        Variant open = new Variant("(b) unauthenticated, same work", base + "/bench/open/account", null, true);
        Variant httpBasic = new Variant(
                "(c) HTTP Basic, BCrypt(10)", base + "/bench/basic/account", "Authorization: Basic " + basic, true);
        List<Variant> variants = List.of(withKey, uncounted, open, httpBasic);

        // warm every path first (the JIT and the buffer pool serve all of them), then measure in
        // rounds, each variant once a round, the order rotating so that none is always first
        // (5 s each was too short: the first measured round still ran at half speed), so one
        // whole unrecorded round of the same length as the measured ones
        for (Variant variant : variants) {
            measure(variant, "5");
        }
        for (Variant variant : variants) {
            measure(variant, SECONDS);
        }
        System.out.printf(
                "%nAccount API \"who am I\", wrk -t2 -c8 -d%ss over loopback, same JVM and database, %d rounds%n",
                SECONDS, ROUNDS);
        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double[] rate = new double[variants.size()];
            for (int i = 0; i < variants.size(); i++) {
                int which = (i + round) % variants.size();
                rate[which] = measure(variants.get(which), SECONDS);
            }
            rounds.add(rate);
            System.out.printf(
                    "  round %d: (a) %7.1f  (a0) %7.1f  (b) %7.1f  (c) %5.1f req/s   (a)/(b) %.3f  (a0)/(b) %.3f  (a)/(c) %5.1f%n",
                    round + 1,
                    rate[0],
                    rate[1],
                    rate[2],
                    rate[3],
                    rate[0] / rate[2],
                    rate[1] / rate[2],
                    rate[0] / rate[3]);
        }
        Spread keyToOpen = Spread.of(rounds, r -> r[0] / r[2]);
        Spread uncountedToOpen = Spread.of(rounds, r -> r[1] / r[2]);
        Spread countedToUncounted = Spread.of(rounds, r -> r[0] / r[1]);
        Spread keyToBasic = Spread.of(rounds, r -> r[0] / r[3]);
        System.out.printf(
                "  (a)/(b)   median %.3f, rounds %.3f .. %.3f%n", keyToOpen.median, keyToOpen.min, keyToOpen.max);
        System.out.printf(
                "  (a0)/(b)  median %.3f, rounds %.3f .. %.3f%n",
                uncountedToOpen.median, uncountedToOpen.min, uncountedToOpen.max);
        System.out.printf(
                "  (a)/(a0)  median %.3f, rounds %.3f .. %.3f   (the cost of counting usage)%n",
                countedToUncounted.median, countedToUncounted.min, countedToUncounted.max);
        System.out.printf(
                "  (a)/(c)   median %.1f, rounds %.1f .. %.1f%n", keyToBasic.median, keyToBasic.min, keyToBasic.max);
        System.out.printf(
                "Goals: (a)/(b) median >= 0.95 -> %.3f, every round >= 0.9 -> %.3f; (a)/(c) every round >= 50 -> %.1f;"
                        + " usage counting within 5%% -> (a)/(a0) %.3f%n%n",
                keyToOpen.median, keyToOpen.min, keyToBasic.min, countedToUncounted.median);
    }

    private double measure(Variant variant, String seconds) throws Exception {
        usage.counting(variant.counted());
        try {
            return wrk(variant.url(), variant.header(), seconds);
        } finally {
            usage.counting(true);
        }
    }

    /** One way to ask for the same work. */
    private record Variant(String name, String url, String header, boolean counted) {}

    /** The median of the rounds' ratios and their extremes. */
    private record Spread(double median, double min, double max) {

        static Spread of(List<double[]> rounds, java.util.function.ToDoubleFunction<double[]> ratio) {
            double[] values = rounds.stream().mapToDouble(ratio).sorted().toArray();
            int n = values.length;
            double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
            return new Spread(median, values[0], values[n - 1]);
        }
    }

    /** Requests per second; any non-2xx answer spoils the run. */
    private static double wrk(String url, String header, String seconds) throws Exception {
        return Wrk.requestsPerSecond(command(seconds, url, header));
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

        /** The key path's usage counting, which (a0) switches off to measure what it costs. */
        @Bean
        @Primary
        SwitchableUsage switchableUsage(org.springframework.beans.factory.BeanFactory beans) {
            return SwitchableUsage.of(beans);
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
