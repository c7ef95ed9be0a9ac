package com.keyward.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed API authentications per client address in fixed windows; past the allowance the
 * address gets 429 until its window ends. Bounded and self-expiring (Caffeine), so a flood of
 * addresses cannot exhaust memory.
 */
@Component
public class FailedAttemptLimiter {

    private record Window(long startedAtNanos, AtomicInteger failures) {
    }

    private final Cache<String, Window> windows;
    private final int allowance;
    private final Duration window;

    public FailedAttemptLimiter(@Value("${keyward.api.failures-allowed:20}") int allowance,
            @Value("${keyward.api.failure-window:PT1M}") Duration window) {
        this.allowance = allowance;
        this.window = window;
        this.windows = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Seconds until this address may try again; 0 when it may now. */
    public long retryAfterSeconds(String address) {
        Window current = windows.getIfPresent(address);
        if (current == null || current.failures().get() < allowance) {
            return 0;
        }
        long remainingNanos = window.toNanos() - (System.nanoTime() - current.startedAtNanos());
        return Math.max(1, (remainingNanos + 999_999_999) / 1_000_000_000);
    }

    public void recordFailure(String address) {
        windows.get(address, key -> new Window(System.nanoTime(), new AtomicInteger())).failures().incrementAndGet();
    }
}
