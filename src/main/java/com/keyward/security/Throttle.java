package com.keyward.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Token buckets (Bucket4j) per key — a username, a client address: {@code capacity} attempts,
 * refilled evenly over {@code period}. Kept in a bounded map whose idle entries expire once a
 * bucket would be full again anyway, so a flood of keys cannot exhaust memory.
 */
public final class Throttle {

    private final Cache<String, Bucket> buckets;
    private final int capacity;
    private final Duration period;

    public Throttle(int capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period)
                .maximumSize(200_000)
                .build();
    }

    /** Takes one attempt for this key: 0 when it may go ahead, otherwise the seconds to wait. */
    public long take(String key) {
        ConsumptionProbe probe = buckets.get(
                        key,
                        ignored -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }
}
