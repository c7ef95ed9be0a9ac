package com.keyward.db;

/** The embedded MariaDB could not be prepared or started; the message names the cause. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
