package com.keyward.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * The health probes as metrics, so that one Prometheus alert sees what a load balancer and a
 * supervisor see: {@code keyward_ready} (0 while the database is away) and {@code keyward_alive}
 * (0 once the embedded database has been given up: restart the node).
 */
@Component
class AvailabilityMetrics implements MeterBinder {

    private final ApplicationAvailability availability;

    AvailabilityMetrics(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "keyward.ready",
                        availability,
                        probes -> probes.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? 1 : 0)
                .description("1 while /actuator/health/readiness is UP")
                .register(registry);
        Gauge.builder(
                        "keyward.alive",
                        availability,
                        probes -> probes.getLivenessState() == LivenessState.CORRECT ? 1 : 0)
                .description("1 while /actuator/health/liveness is UP")
                .register(registry);
    }
}
