package com.keyward.apikey;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A key as Admin › API Keys lists it, with its owner: never the key itself, which exists nowhere. */
public record KeyOverviewRow(
        long id,
        long ownerId,
        String ownerUsername,
        String name,
        List<String> apiSetCodes,
        String hint,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public ApiKeyStatus statusAt(Instant now) {
        if (revokedAt != null) {
            return ApiKeyStatus.REVOKED;
        }
        return expiresAt.isAfter(now) ? ApiKeyStatus.ACTIVE : ApiKeyStatus.EXPIRED;
    }
}
