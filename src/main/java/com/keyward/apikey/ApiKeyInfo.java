package com.keyward.apikey;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * What anyone may see of a key: everything but the key itself, which exists nowhere. Its API sets
 * are those it unlocks; those awaiting an approver are {@code pendingApiSetCodes}.
 */
public record ApiKeyInfo(
        long id,
        long ownerId,
        String name,
        @Nullable String description,
        List<String> apiSetCodes,
        List<String> pendingApiSetCodes,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt,
        @Nullable String lastUsedAddress,
        @Nullable Long replacesId,
        @Nullable Long rolledToId,
        @Nullable String allowedNetworks) {

    /** Rolled: a newer key replaces it; it works until its expiry, which the roll brought forward. */
    public boolean rolled() {
        return rolledToId != null;
    }

    public ApiKeyStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return ApiKeyStatus.REVOKED;
        }
        return expiresAt.isAfter(now) ? ApiKeyStatus.ACTIVE : ApiKeyStatus.EXPIRED;
    }
}
