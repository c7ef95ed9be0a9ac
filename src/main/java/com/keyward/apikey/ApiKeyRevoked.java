package com.keyward.apikey;

import org.jspecify.annotations.Nullable;

/**
 * A key was revoked; published inside the revoking transaction, acted on when it commits.
 * {@code reason} says why, where Keyward did it rather than a person (e.g. the owner left).
 */
public record ApiKeyRevoked(
        long keyId,
        long ownerId,
        String ownerUsername,
        String name,
        String hint,
        @Nullable String reason) {

    public ApiKeyRevoked(long keyId, long ownerId, String ownerUsername, String name, String hint) {
        this(keyId, ownerId, ownerUsername, name, hint, null);
    }
}
