package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;

/** Every call counted reaches the database once: none lost to a flush running at the same moment, none to a failed write. */
class ApiKeyUsageRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    /** A day the flush treats as gone by: it removes that day's counters whenever they are idle. */
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T12:00:00Z");

    private final ApiKeyRepository repository = mock(ApiKeyRepository.class);
    private final AtomicLong stored = new AtomicLong();
    private final ApiKeyUsageRecorder recorder = new ApiKeyUsageRecorder(repository, java.time.Clock.systemUTC());

    /** Calls counted on a day gone by race the flush's removal of its idle counters; today's never do. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void callsCountedWhileFlushesRunAreAllStored(boolean dayGoneBy) throws Exception {
        Instant at = dayGoneBy ? LONG_AGO : Instant.now();
        storeCalls();
        int threads = 4;
        int callsEach = 200_000;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean calling = new AtomicBoolean(true);
        List<Future<?>> running = java.util.stream.IntStream.range(0, threads)
                .<Future<?>>mapToObj(i -> callers.submit(() -> {
                    go.await();
                    for (int call = 0; call < callsEach; call++) {
                        recorder.record(7, at, "10.0.0.1");
                    }
                    return null;
                }))
                .toList();
        Thread flusher = Thread.ofPlatform().start(() -> {
            while (calling.get()) {
                recorder.flush();
            }
        });
        go.countDown();
        for (Future<?> caller : running) {
            caller.get();
        }
        calling.set(false);
        flusher.join();
        callers.shutdown();
        recorder.flush();

        assertThat(stored.get()).isEqualTo((long) threads * callsEach);
    }

    @Test
    void callsOfAFailedWriteAreStoredByTheNextFlush() {
        recorder.record(7, NOW, "10.0.0.1");
        recorder.record(7, NOW, "10.0.0.1");
        doThrow(new DataAccessResourceFailureException("database away"))
                .when(repository)
                .addUsage(anyCollection());
        assertThatThrownBy(recorder::flush).isInstanceOf(DataAccessResourceFailureException.class);

        storeCalls();
        recorder.record(7, NOW, "10.0.0.1");
        recorder.flush();

        assertThat(stored.get()).isEqualTo(3);
    }

    private void storeCalls() {
        doAnswer(invocation -> {
                    Collection<ApiKeyUsageRecorder.DayCounts> days = invocation.getArgument(0);
                    days.forEach(day -> stored.addAndGet(day.calls()));
                    return null;
                })
                .when(repository)
                .addUsage(anyCollection());
    }
}
