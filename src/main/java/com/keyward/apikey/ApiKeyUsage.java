package com.keyward.apikey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A key's use: requests per UTC day for the last 30 days (every day listed, oldest first), its
 * last use and where from, and the calls refused to it by status over those days.
 */
public record ApiKeyUsage(
        long keyId,
        List<Day> days,
        @Nullable Instant lastUsedAt,
        @Nullable String lastUsedAddress,
        long calls,
        long refused401,
        long refused403) {

    public static final int DAYS = 30;

    /** One UTC day: requests the key was accepted for, and refused ones by status. */
    public record Day(LocalDate day, long calls, long refused401, long refused403) {}
}
