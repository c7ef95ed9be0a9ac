package com.keyward.apikey;

/** A key was revoked; published inside the revoking transaction, acted on after it commits. */
public record ApiKeyRevoked(long keyId) {}
