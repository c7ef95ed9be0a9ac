package com.keyward.apikey;

import java.time.Instant;

/**
 * A key was rolled: a new key with the same name, description and API sets replaces it, and the
 * old one works until {@code oldWorksUntil}. Published inside the rolling transaction.
 */
public record ApiKeyRolled(
        long oldKeyId,
        long newKeyId,
        long ownerId,
        String ownerUsername,
        String name,
        String oldHint,
        String newHint,
        Instant oldWorksUntil,
        Instant newExpiresAt) {}
