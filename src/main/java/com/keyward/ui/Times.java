package com.keyward.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import jakarta.annotation.Nullable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How Keyward shows a moment: in the person's language and their browser's time zone, to the
 * minute (or the second where order matters); {@link #utc} gives the same moment in UTC for a
 * tooltip, so that people in different places can compare.
 */
public final class Times {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {}

    /** The moment to the minute, or {@code whenNone} for none. */
    public static String minutes(@Nullable Instant instant, String whenNone) {
        return instant == null
                ? whenNone
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Text.locale())
                        .withZone(zone())
                        .format(instant);
    }

    public static String seconds(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM)
                        .withLocale(Text.locale())
                        .withZone(zone())
                        .format(instant);
    }

    /** The moment in UTC, to the second (for a tooltip); empty for none. */
    public static String utc(@Nullable Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** The browser's time zone, UTC until the browser has said. */
    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return ZoneOffset.UTC;
        }
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
