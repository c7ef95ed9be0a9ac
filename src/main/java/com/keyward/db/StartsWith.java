package com.keyward.db;

import org.jooq.Condition;
import org.jooq.Field;

/** "Starts with" for user-typed text: its wildcards are taken literally, and an index can serve it. */
public final class StartsWith {

    private static final char ESCAPE = '!';

    private StartsWith() {}

    public static Condition startsWith(Field<String> column, String text) {
        String pattern = text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return column.like(pattern, ESCAPE);
    }
}
