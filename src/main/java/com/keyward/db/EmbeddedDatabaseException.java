package com.keyward.db;

import jakarta.annotation.Nullable;

/** The embedded MariaDB could not be prepared or started; the message names the cause. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
