package com.keyward.apikey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reminder about one of a person's keys: it expires soon, has expired, leaked and was revoked,
 * or an approver decided on its sets (with the reason of a denial).
 */
public record KeyReminder(
        long id,
        long apiKeyId,
        String keyName,
        String hint,
        Instant expiresAt,
        Kind kind,
        Instant createdAt,
        @Nullable Instant readAt,
        @Nullable String reason) {

    /** The threshold crossed: the tightest one only, so a key made for 5 days gets no 30-day reminder. */
    public enum Kind {
        EXPIRES_30,
        EXPIRES_7,
        EXPIRES_1,
        EXPIRED,
        /** Found by a secret scanner and revoked (mailed at once, not in the daily digest). */
        LEAKED,
        /** An approver approved the sets it waited for (mailed at once). */
        APPROVED,
        /** An approver denied the sets it waited for, which were taken off it (mailed at once). */
        DENIED
    }
}
