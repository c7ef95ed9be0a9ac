package com.keyward.user;

/**
 * Something happened to an account that the audit log records: who it was is the signed-in
 * person, if any ({@link Kind#RECOVERED_ON_HOST}: the host's {@code recover-admin} command).
 * {@code details} never holds a password, token or link.
 */
public record AccountActivity(Kind kind, long userId, String username, String details) {

    public enum Kind {
        CREATED,
        EDITED,
        DEACTIVATED,
        IMPORTED,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        PASSWORD_LINK_USED,
        FIRST_ADMIN_CREATED,
        SETUP_TOKEN_USED,
        RECOVERED_ON_HOST,
        DIRECTORY_CREATED,
        SSO_CREATED
    }
}
