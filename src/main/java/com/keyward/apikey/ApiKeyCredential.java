package com.keyward.apikey;

import java.time.Instant;
import java.util.Set;

/** What authenticating a request with a key needs: the key's state and its owner's, at lookup time. */
public record ApiKeyCredential(long keyId, Instant expiresAt, Instant revokedAt, Set<String> apiSetCodes, long ownerId,
        String ownerUsername, String ownerDisplayName, String ownerStatus, Instant ownerExpiresAt,
        Set<String> ownerAuthorities) {
}
