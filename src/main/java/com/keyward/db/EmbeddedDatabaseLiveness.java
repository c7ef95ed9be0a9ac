package com.keyward.db;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * When the embedded MariaDB has died more often than it is restarted, Keyward is no longer alive:
 * liveness goes DOWN, so that a supervisor (systemd, Kubernetes) restarts the whole process.
 */
@Component
@ConditionalOnProperty(name = EmbeddedMariaDbEnvironmentPostProcessor.ACTIVE, havingValue = "true")
class EmbeddedDatabaseLiveness {

    EmbeddedDatabaseLiveness(ApplicationEventPublisher events) {
        EmbeddedMariaDb.current()
                .ifPresent(server ->
                        server.onGivenUp(() -> AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN)));
    }
}
