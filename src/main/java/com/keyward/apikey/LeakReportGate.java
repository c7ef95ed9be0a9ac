package com.keyward.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the public leak-report endpoint, before its body is read: each client address may
 * report {@code allowedPerMinute} times a minute (token buckets in memory, per node, so junk costs
 * no database write), and a report is at most {@link #MAX_BYTES} long (a length the request
 * declares; a body of unknown length is refused).
 */
class LeakReportGate extends OncePerRequestFilter {

    /** 100 tokens with their places fit in a fraction of this. */
    static final long MAX_BYTES = 256 * 1024;

    private final int allowedPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();

    LeakReportGate(int allowedPerMinute) {
        this.allowedPerMinute = allowedPerMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(KeyLeaks.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(
                        request.getRemoteAddr(),
                        address -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(allowedPerMinute)
                                        .refillGreedy(allowedPerMinute, Duration.ofMinutes(1)))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(
                    response,
                    429,
                    "Too Many Requests",
                    "Too many leak reports from this address. Try again in " + seconds + " seconds.",
                    request.getRequestURI());
            return;
        }
        long length = request.getContentLengthLong();
        if (length < 0 || length > MAX_BYTES) {
            Problems.write(
                    response,
                    413,
                    "Content Too Large",
                    "A leak report must state its length and be at most " + MAX_BYTES + " bytes.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
