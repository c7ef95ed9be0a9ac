package com.keyward.db;

import jakarta.annotation.Nullable;

/**
 * The embedded MariaDB could not be prepared or started; the message names the cause and, where
 * one fix is known, {@link #action()} says it in one line.
 */
public class EmbeddedDatabaseException extends RuntimeException {

    static final String GENERAL_ACTION = "Free disk space, make keyward.embedded-db.dir writable, stop the other "
            + "Keyward using it, or set SPRING_DATASOURCE_URL to use an external MariaDB.";

    private final String action;

    public EmbeddedDatabaseException(String message, @Nullable Throwable cause) {
        this(message, GENERAL_ACTION, cause);
    }

    public EmbeddedDatabaseException(String message, String action, @Nullable Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What the operator should do, in one line. */
    public String action() {
        return action;
    }
}
