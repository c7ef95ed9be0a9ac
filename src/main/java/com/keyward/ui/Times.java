package com.keyward.ui;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Keyward shows a moment: UTC, to the minute (or the second where order matters). */
public final class Times {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {}

    /** The moment to the minute, or {@code whenNone} for none. */
    public static String minutes(@Nullable Instant instant, String whenNone) {
        return instant == null ? whenNone : MINUTES.format(instant);
    }

    public static String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }
}
