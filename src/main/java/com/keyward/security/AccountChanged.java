package com.keyward.security;

/**
 * An account's status or roles changed (an administrator's action, or a lock after failed
 * sign-ins). Published inside the changing transaction; listeners act after it commits, so that
 * nothing they reload can predate the change.
 */
public record AccountChanged(String username) {}
