package com.keyward.apikey;

import com.keyward.db.RetriedTransactions;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Last used" and requests per key and day without a database write per request: uses are
 * counted in memory (the latest use per key, counters per key and UTC day) and written every few
 * seconds in one batch, and once more at shutdown. Refused calls of a known key count too, by
 * status (401: revoked, expired or its owner cannot act; 403: outside its API sets).
 */
@Component
public class ApiKeyUsageRecorder {

    private record Use(Instant at, String address) {}

    /**
     * Counters of one key on one day. A flush takes what they hold and leaves them in place, so a
     * call counted while the flush runs is kept for the next one, never lost with a removed entry.
     */
    private record DayCounter(long keyId, LocalDate day, LongAdder calls, LongAdder refused401, LongAdder refused403) {

        DayCounter(long keyId, LocalDate day) {
            this(keyId, day, new LongAdder(), new LongAdder(), new LongAdder());
        }

        DayCounts take() {
            return new DayCounts(
                    keyId, day, calls.sumThenReset(), refused401.sumThenReset(), refused403.sumThenReset());
        }

        boolean isIdle() {
            return calls.sum() == 0 && refused401.sum() == 0 && refused403.sum() == 0;
        }

        /** Puts back what a failed write had taken. */
        void giveBack(DayCounts counts) {
            calls.add(counts.calls());
            refused401.add(counts.refused401());
            refused403.add(counts.refused403());
        }
    }

    /** What one flush adds to a key's stored day (a 403 after an earlier flush can make {@code calls} negative). */
    public record DayCounts(long keyId, LocalDate day, long calls, long refused401, long refused403) {

        boolean isEmpty() {
            return calls == 0 && refused401 == 0 && refused403 == 0;
        }
    }

    private static final long SECONDS_PER_DAY = 86_400;
    /** Room for the epoch day (< 100,000 until the year 2243) next to the key id in one long. */
    private static final long DAY_SLOTS = 100_000;

    private final Map<Long, Use> pending = new ConcurrentHashMap<>();
    private final Map<Long, DayCounter> counts = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;
    private final Clock clock;
    /** When a flush last wrote everything it had taken (or found nothing to write): the flush lag's start. */
    private volatile Instant lastFlushed;

    public ApiKeyUsageRecorder(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.lastFlushed = clock.instant();
    }

    /** The last flush that succeeded, for the usage-flush lag (UsageFlushMetrics). */
    Instant lastFlushed() {
        return lastFlushed;
    }

    /** A call the key was accepted for. */
    public void record(long keyId, Instant at, String address) {
        pending.merge(keyId, new Use(at, address), (old, latest) -> latest.at().isAfter(old.at()) ? latest : old);
        count(keyId, at, day -> day.calls().increment());
    }

    /**
     * A call of a known key that was refused with this status: 401 (refused at authentication) or
     * 403 (authenticated, so counted as a call already, then refused outside the key's API sets).
     */
    public void refused(long keyId, Instant at, int status) {
        count(keyId, at, day -> {
            if (status == 403) {
                day.calls().decrement();
                day.refused403().increment();
            } else {
                day.refused401().increment();
            }
        });
    }

    /** A call refused before the key was accepted: sent from outside its allowed networks (403). */
    public void refusedOutsideNetworks(long keyId, Instant at) {
        count(keyId, at, day -> day.refused403().increment());
    }

    /**
     * Counts inside the map's own update of the slot, so that the flush's removal of an idle day
     * (also an update of the slot) can never come between finding a counter and counting on it: a
     * count on a counter already removed would be lost.
     */
    private void count(long keyId, Instant at, Consumer<DayCounter> change) {
        long epochDay = Math.floorDiv(at.getEpochSecond(), SECONDS_PER_DAY);
        counts.compute(keyId * DAY_SLOTS + epochDay, (ignored, counter) -> {
            DayCounter day = counter != null ? counter : new DayCounter(keyId, LocalDate.ofEpochDay(epochDay));
            change.accept(day);
            return day;
        });
    }

    @Scheduled(fixedDelayString = "${keyward.api.last-used-flush-ms:5000}")
    @PreDestroy
    public void flush() {
        for (Long keyId : List.copyOf(pending.keySet())) {
            Use use = pending.remove(keyId);
            if (use != null) {
                try {
                    // two nodes recording one key's last use at once conflict on a Galera cluster
                    RetriedTransactions.statements(() -> keys.recordLastUse(keyId, use.at(), use.address()));
                } catch (RuntimeException e) {
                    pending.putIfAbsent(keyId, use);
                    throw e;
                }
            }
        }
        Map<DayCounter, DayCounts> taken = new java.util.LinkedHashMap<>();
        counts.forEach((slot, counter) -> {
            DayCounts day = counter.take();
            if (!day.isEmpty()) {
                taken.put(counter, day);
            } else if (counter.day()
                    .isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1))) {
                // an idle day gone by; removed only while still idle, atomically with any count on it
                counts.computeIfPresent(slot, (ignored, current) -> current.isIdle() ? null : current);
            }
        });
        if (taken.isEmpty()) {
            lastFlushed = clock.instant();
            return;
        }
        try {
            RetriedTransactions.statements(() -> keys.addUsage(List.copyOf(taken.values())));
        } catch (RuntimeException e) {
            taken.forEach(DayCounter::giveBack);
            throw e;
        }
        lastFlushed = clock.instant();
    }
}
