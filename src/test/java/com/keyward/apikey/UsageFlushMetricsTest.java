package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** keyward_api_usage_flush_lag_seconds: the time since a flush last wrote what it had, on a clock the test moves. */
class UsageFlushMetricsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-07T12:00:00Z"));
    private final ApiKeyRepository repository = mock(ApiKeyRepository.class);
    private final ApiKeyUsageRecorder recorder = new ApiKeyUsageRecorder(repository, clock);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    UsageFlushMetricsTest() {
        new UsageFlushMetrics(recorder, clock).bindTo(meters);
    }

    @Test
    void theLagGrowsWhileFlushesFailAndDropsToZeroWithTheFirstThatWrites() {
        assertThat(lag()).isZero();
        clock.move(Duration.ofSeconds(3));
        assertThat(lag()).isEqualTo(3.0);
        recorder.flush(); // nothing to write is a flush that succeeded
        assertThat(lag()).isZero();

        recorder.record(7, clock.instant(), "10.0.0.1");
        doThrow(new DataAccessResourceFailureException("database away"))
                .when(repository)
                .addUsage(anyCollection());
        for (int attempt = 0; attempt < 8; attempt++) {
            clock.move(Duration.ofSeconds(5));
            assertThatThrownBy(recorder::flush).isInstanceOf(DataAccessResourceFailureException.class);
        }
        assertThat(lag()).isEqualTo(40.0);

        doNothing().when(repository).addUsage(anyCollection());
        clock.move(Duration.ofMillis(1500));
        assertThat(lag()).isEqualTo(41.5);
        recorder.flush();
        assertThat(lag()).isZero();
    }

    private double lag() {
        return meters.get("keyward.api.usage.flush.lag").gauge().value();
    }

    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
