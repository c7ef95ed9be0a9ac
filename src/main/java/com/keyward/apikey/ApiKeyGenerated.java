package com.keyward.apikey;

import java.time.Instant;
import java.util.List;

/** A key was generated (its secret is not part of this, nor of anything kept). */
public record ApiKeyGenerated(
        long ownerId, String ownerUsername, String name, String hint, List<String> apiSetNames, Instant expiresAt) {}
