package com.keyward.user;

import java.time.Instant;

/**
 * A one-time link that lets {@code username} (reached at {@code email}) set a password, valid until {@code expiresAt}. The
 * token exists only here, in memory, until the person who issued it has passed the link on.
 */
public record SetPasswordLink(String username, String email, String token, Instant expiresAt) {

    public static final String ROUTE = "set-password";

    /** The link below the application's address, e.g. {@code set-password/Xy…}. */
    public String path() {
        return ROUTE + "/" + token;
    }

    @Override
    public String toString() {
        return "SetPasswordLink[username=" + username + ", expiresAt=" + expiresAt + "]";
    }
}
