package com.keyward.apikey;

import com.keyward.user.UserStatus;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * What authenticating a request with a key needs: the key's state and its owner's, at lookup time.
 * The repository fills everything but {@code ownerAuthorities} (empty until
 * {@link #withOwnerAuthorities}).
 */
public record ApiKeyCredential(
        long keyId,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        Set<String> apiSetCodes,
        Set<String> pendingSetCodes,
        long ownerId,
        String ownerUsername,
        String ownerDisplayName,
        UserStatus ownerStatus,
        @Nullable Instant ownerLockedUntil,
        @Nullable Instant ownerExpiresAt,
        Set<String> ownerAuthorities,
        AllowedNetworks networks,
        Instant createdAt,
        String hint) {

    /** Locked after failed sign-ins, and the lock has not run out (a lock without an end stays). */
    public boolean ownerLockedAt(Instant now) {
        return ownerStatus == UserStatus.LOCKED && (ownerLockedUntil == null || ownerLockedUntil.isAfter(now));
    }

    /** The same credential with the owner's effective authorities, which are looked up separately. */
    public ApiKeyCredential withOwnerAuthorities(Set<String> authorities) {
        return new ApiKeyCredential(
                keyId,
                expiresAt,
                revokedAt,
                apiSetCodes,
                pendingSetCodes,
                ownerId,
                ownerUsername,
                ownerDisplayName,
                ownerStatus,
                ownerLockedUntil,
                ownerExpiresAt,
                Set.copyOf(authorities),
                networks,
                createdAt,
                hint);
    }
}
