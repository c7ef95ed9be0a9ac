package com.keyward.apikey;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/**
 * What the New API Key window asks for. There is deliberately no owner: the owner of a new key
 * is always the person signed in. The justification is for the approvers, and required when a
 * set needs approval.
 */
public record NewApiKey(
        @Nullable String name,
        @Nullable String description,
        @Nullable Set<String> apiSetCodes,
        @Nullable Instant expiresAt,
        @Nullable String allowedNetworks,
        @Nullable String justification) {

    /** A key without sets that need an approver (no justification). */
    public NewApiKey(
            @Nullable String name,
            @Nullable String description,
            @Nullable Set<String> apiSetCodes,
            @Nullable Instant expiresAt,
            @Nullable String allowedNetworks) {
        this(name, description, apiSetCodes, expiresAt, allowedNetworks, null);
    }

    /** A key usable from anywhere. */
    public NewApiKey(
            @Nullable String name,
            @Nullable String description,
            @Nullable Set<String> apiSetCodes,
            @Nullable Instant expiresAt) {
        this(name, description, apiSetCodes, expiresAt, null, null);
    }
}
