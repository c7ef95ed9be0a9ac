package com.keyward.security;

import jakarta.annotation.Nullable;

/**
 * An account's status, roles or password changed (an administrator's action, or a lock after failed
 * sign-ins). {@code keepSessionId}: the one HTTP session that lives on (the person's own, after
 * they changed their password). Published inside the changing transaction; listeners act after it commits, so that
 * nothing they reload can predate the change.
 */
public record AccountChanged(String username, @Nullable String keepSessionId) {

    public AccountChanged(String username) {
        this(username, null);
    }
}
