package com.keyward.user;

import java.time.Instant;

/** What sign-in needs to know of an account; the hash never leaves the security layer. */
public record SignInAccount(
        long id,
        String username,
        String displayName,
        String passwordHash,
        int credentialsVersion,
        UserStatus status,
        Instant accountExpiresAt,
        Instant lockedUntil) {

    public boolean expiredAt(Instant now) {
        return accountExpiresAt != null && !accountExpiresAt.isAfter(now);
    }

    /** Locked by failed sign-ins, and the lock has not run out yet. */
    public boolean lockedAt(Instant now) {
        return status == UserStatus.LOCKED && lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "SignInAccount[id=" + id + ", username=" + username + ", status=" + status + "]";
    }
}
