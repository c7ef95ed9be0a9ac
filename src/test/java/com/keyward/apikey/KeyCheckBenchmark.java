package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.keyward.db.DatabaseMonitor;
import com.keyward.role.RoleMembership;
import com.keyward.user.UserStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The key check on its own, in ns per call (JMH, issue 18): what {@code ApiKeyAuthenticationFilter}
 * does for a valid key whose lookup is cached, against SHA-256 of the key alone, the floor no key
 * check that stores digests can go below. Its parts are measured separately, so a regression
 * names its part.
 *
 * <pre>./mvnw test -Dtest=KeyCheckBenchmark   (about 3 minutes)</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class KeyCheckBenchmark {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    /** The owner's authorities as a typical integrator has them: a dozen codes. */
    private static final Set<String> AUTHORITIES = Set.of(
            "ACCOUNT",
            "API_KEYS",
            "MANAGE_API_KEYS",
            "VIEW_USERS",
            "USERS",
            "VIEW_ROLES",
            "ROLES",
            "VIEW_AUDIT",
            "AUDIT",
            "API_SETS",
            "VIEW_API_SETS",
            "PROFILE");

    private String key = "";
    private byte[] keyBytes = new byte[0];
    private MessageDigest sha256;
    private ApiKeyAuthenticator authenticator;

    @Setup
    public void setUp() throws NoSuchAlgorithmException {
        key = ApiKeyFormat.generate();
        keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        sha256 = MessageDigest.getInstance("SHA-256");
        ApiKeyRepository keys = mock(ApiKeyRepository.class);
        RoleMembership roles = mock(RoleMembership.class);
        when(keys.findCredential(any())).thenReturn(Optional.of(credential()));
        when(roles.effectiveAuthorityCodes(anyLong())).thenReturn(AUTHORITIES);
        DatabaseMonitor database = mock(DatabaseMonitor.class);
        when(database.reachable()).thenReturn(true);
        authenticator = new ApiKeyAuthenticator(
                keys,
                roles,
                new ApiKeyUsageRecorder(keys, Clock.systemUTC()),
                Clock.systemUTC(),
                database,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        if (!(keyCheck() instanceof UsernamePasswordAuthenticationToken)) {
            throw new IllegalStateException("the benchmark's key is not accepted");
        }
    }

    /** The floor: SHA-256 of the key's bytes, with a digest kept per thread. */
    @Benchmark
    public byte[] sha256OfTheKeyAlone() {
        return sha256.digest(keyBytes);
    }

    /** Prefix, alphabet and CRC32 checksum: what refuses junk without any I/O. */
    @Benchmark
    public Optional<String> formatAndChecksum() {
        return ApiKeyFormat.parse(key);
    }

    /** The digest as the key path takes it: from a cloned prototype, of the key's characters. */
    @Benchmark
    public byte[] digest() {
        return ApiKeyFormat.digest(key);
    }

    /** The digest as it was taken before issue 18: a provider lookup per call. */
    @Benchmark
    public byte[] digestWithProviderLookup() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The whole check as the filter runs it for a valid key: format, checksum, digest, cache hit,
     * state checks, networks, usage counted, and the authentication the request then carries.
     */
    @Benchmark
    public Authentication keyCheck() {
        if (authenticator.authenticate(key, "127.0.0.1") instanceof ApiKeyAuthenticator.Accepted accepted) {
            var principal = accepted.principal();
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
        throw new IllegalStateException("refused");
    }

    /** Dana's key for the Account and Users APIs as a lookup finds it (also OutageGraceTest's). */
    static ApiKeyCredential credential() {
        return new ApiKeyCredential(
                42,
                Instant.now().plus(Duration.ofDays(30)),
                null,
                Set.of("ACCOUNT_API", "USERS_API"),
                Set.of(),
                7,
                "dana",
                "Dana Integrator",
                UserStatus.ENABLED,
                null,
                null,
                Set.of(),
                AllowedNetworks.stored(null),
                CREATED,
                "kw_abcd…wxyz");
    }

    @Test
    void measure() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(KeyCheckBenchmark.class.getName() + "\\.")
                        .shouldFailOnError(true)
                        .build())
                .run();
        Map<String, double[]> scores = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            var score = result.getPrimaryResult();
            scores.put(
                    name.substring(name.lastIndexOf('.') + 1), new double[] {score.getScore(), score.getScoreError()});
        }
        assertThat(scores).containsKeys("keyCheck", "sha256OfTheKeyAlone");
        double floor = scores.get("sha256OfTheKeyAlone")[0];
        StringBuilder report = new StringBuilder(
                "\nThe key check, JMH average time per call (2 forks x 10 iterations of 2 s, after 5 of warm-up)\n");
        for (String name : new String[] {
            "sha256OfTheKeyAlone", "formatAndChecksum", "digest", "digestWithProviderLookup", "keyCheck"
        }) {
            double[] score = scores.get(name);
            report.append(String.format(
                    Locale.ROOT,
                    "  %-26s %9.1f ns/op  ± %6.1f   %5.2fx the SHA-256 floor%n",
                    name,
                    score[0],
                    score[1],
                    score[0] / floor));
        }
        System.out.println(report);
    }
}
