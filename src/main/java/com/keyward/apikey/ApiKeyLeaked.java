package com.keyward.apikey;

import org.jspecify.annotations.Nullable;

/**
 * A secret scanner reported a key that was active: it has been revoked. Published inside the
 * revoking transaction; the audit entry is written with it, the owner's mail goes after commit.
 */
public record ApiKeyLeaked(
        long keyId,
        long ownerId,
        String ownerUsername,
        String name,
        String hint,
        @Nullable String url,
        @Nullable String source) {}
