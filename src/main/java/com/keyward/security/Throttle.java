package com.keyward.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Token buckets (Bucket4j) per key — a client address, an account, an account from one address:
 * each {@link Limit} allows {@code capacity} attempts, refilled evenly over its period; with
 * several limits the strictest decides (a few quick attempts, fewer per hour, fewer still per
 * day: delays that grow). The buckets live in the database (the {@code SharedBuckets} of the db
 * module), so N nodes allow together what one node allows; each bucket is one row, named by a
 * digest of the throttle's name and the key, and deleted once it is full again.
 */
public final class Throttle {

    /** {@code capacity} attempts, refilled evenly over {@code period}. */
    public record Limit(int capacity, Duration period) {

        /**
         * Limits written as {@code 5/PT5M,20/PT1H}: capacity, a slash, an ISO-8601 duration.
         *
         * @throws IllegalArgumentException naming the part that is not of that form
         */
        public static List<Limit> parse(String limits) {
            return java.util.Arrays.stream(limits.split(","))
                    .map(String::strip)
                    .map(limit -> {
                        String[] parts = limit.split("/", 2);
                        try {
                            return new Limit(Integer.parseInt(parts[0].strip()), Duration.parse(parts[1].strip()));
                        } catch (RuntimeException malformed) {
                            throw new IllegalArgumentException(
                                    "\"" + limit + "\" is not a limit like 5/PT5M (attempts/ISO-8601 duration)",
                                    malformed);
                        }
                    })
                    .toList();
        }
    }

    private final ProxyManager<String> buckets;
    private final String name;
    private final BucketConfiguration configuration;

    public Throttle(ProxyManager<String> buckets, String name, int capacity, Duration period) {
        this(buckets, name, List.of(new Limit(capacity, period)));
    }

    public Throttle(ProxyManager<String> buckets, String name, List<Limit> limits) {
        this.buckets = buckets;
        this.name = name;
        var builder = BucketConfiguration.builder();
        for (Limit limit : limits) {
            builder.addLimit(
                    bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()));
        }
        this.configuration = builder.build();
    }

    /** Takes one attempt for this key: 0 when it may go ahead, otherwise the seconds to wait. */
    public long take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }

    /** Gives back an attempt taken for this key (it succeeded: only failures count). */
    public void giveBack(String key) {
        bucket(key).addTokens(1);
    }

    /** Whether an attempt for this key could be taken now, without taking it. */
    public boolean available(String key) {
        return bucket(key).getAvailableTokens() > 0;
    }

    private BucketProxy bucket(String key) {
        return buckets.builder().build(id(key), () -> configuration);
    }

    private String id(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((name + '\u0000' + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
