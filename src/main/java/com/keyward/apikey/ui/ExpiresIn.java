package com.keyward.apikey.ui;

import java.time.Duration;

/** "in 5 days", "in 1 day", "within a day": whole days, rounded up, as people count them. */
final class ExpiresIn {

    private ExpiresIn() {}

    static long days(Duration left) {
        return Math.max(0, (left.toHours() + 23) / 24);
    }

    static String text(Duration left) {
        long days = days(left);
        return left.toHours() < 24 ? "within a day" : "in " + days + (days == 1 ? " day" : " days");
    }
}
