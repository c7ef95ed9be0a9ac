package com.keyward.db;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The database stores DATETIME values in UTC; these convert at the repository boundary. */
public final class DbTime {

    private DbTime() {
    }

    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
