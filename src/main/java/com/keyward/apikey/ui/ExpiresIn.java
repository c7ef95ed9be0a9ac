package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import java.time.Duration;

/** "Expires in 5 days", "… in 1 day", "… within a day": whole days, rounded up, as people count them. */
final class ExpiresIn {

    private ExpiresIn() {}

    static long days(Duration left) {
        return Math.max(0, (left.toHours() + 23) / 24);
    }

    static String text(Duration left) {
        long days = days(left);
        return left.toHours() < 24 ? t("keys.expires.withinday") : t("keys.expires.indays", days);
    }
}
