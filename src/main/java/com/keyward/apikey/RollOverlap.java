package com.keyward.apikey;

import java.time.Duration;

/** How long the old key of a roll keeps working next to the new one (never beyond its own expiry). */
public enum RollOverlap {
    NOW(Duration.ZERO),
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofHours(24)),
    SEVEN_DAYS(Duration.ofDays(7));

    private final Duration duration;

    RollOverlap(Duration duration) {
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }
}
