package com.keyward.apikey;

/** A key was revoked; published inside the revoking transaction, acted on when it commits. */
public record ApiKeyRevoked(long keyId, long ownerId, String ownerUsername, String name, String hint) {}
