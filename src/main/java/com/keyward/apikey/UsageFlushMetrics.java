package com.keyward.apikey;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code keyward_api_usage_flush_lag_seconds}: how long ago the usage flush last wrote "last used"
 * and the per-day counts. It is written every few seconds; a lag that grows means the counts pile
 * up in memory (the database refuses them) and are lost if the node stops meanwhile.
 */
@Component
class UsageFlushMetrics implements MeterBinder {

    private final ApiKeyUsageRecorder recorder;
    private final Clock clock;

    UsageFlushMetrics(ApiKeyUsageRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("keyward.api.usage.flush.lag", this, UsageFlushMetrics::lagSeconds)
                .description("Seconds since the last successful flush of API key usage to the database")
                .baseUnit("seconds")
                .register(registry);
    }

    double lagSeconds() {
        return Duration.between(recorder.lastFlushed(), clock.instant()).toMillis() / 1000.0;
    }
}
