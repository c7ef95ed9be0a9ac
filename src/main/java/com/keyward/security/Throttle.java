package com.keyward.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Token buckets (Bucket4j) per key — a username, a client address: {@code capacity} attempts,
 * refilled evenly over {@code period}. The buckets live in the database (the {@code SharedBuckets}
 * of the db module), so N nodes allow together what one node allows; each bucket is one row,
 * named by a digest of the throttle's name and the key, and deleted once it is full again.
 */
public final class Throttle {

    private final ProxyManager<String> buckets;
    private final String name;
    private final BucketConfiguration configuration;

    public Throttle(ProxyManager<String> buckets, String name, int capacity, Duration period) {
        this.buckets = buckets;
        this.name = name;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }

    /** Takes one attempt for this key: 0 when it may go ahead, otherwise the seconds to wait. */
    public long take(String key) {
        ConsumptionProbe probe =
                buckets.builder().build(id(key), () -> configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
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
