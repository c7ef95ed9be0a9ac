package com.keyward.apikey.ui;

import java.time.Duration;
import java.util.Optional;

/** The New API Key window's expiry presets, and a custom date. */
enum ExpiryChoice {
    DAYS_30("30 days", 30),
    DAYS_60("60 days", 60),
    DAYS_90("90 days", 90),
    YEAR("1 year", 365),
    CUSTOM("Custom date", 0);

    private final String label;
    private final int days;

    ExpiryChoice(String label, int days) {
        this.label = label;
        this.days = days;
    }

    String label() {
        return label;
    }

    /** The preset's lifetime; empty for a custom date. */
    Optional<Duration> lifetime() {
        return days == 0 ? Optional.empty() : Optional.of(Duration.ofDays(days));
    }

    boolean fitsWithin(int maxDays) {
        return days <= maxDays;
    }
}
