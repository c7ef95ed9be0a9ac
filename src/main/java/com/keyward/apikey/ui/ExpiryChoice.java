package com.keyward.apikey.ui;

import java.time.Duration;
import java.util.Optional;

/** The New API Key window's expiry presets, and a custom date. */
enum ExpiryChoice {
    DAYS_30(30),
    DAYS_60(60),
    DAYS_90(90),
    YEAR(365),
    CUSTOM(0);

    private final int days;

    ExpiryChoice(int days) {
        this.days = days;
    }

    /** The preset's lifetime; empty for a custom date. */
    Optional<Duration> lifetime() {
        return days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }

    boolean fitsWithin(int maxDays) {
        return days <= maxDays;
    }
}
