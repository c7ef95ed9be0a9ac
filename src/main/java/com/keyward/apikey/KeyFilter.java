package com.keyward.apikey;

import org.jspecify.annotations.Nullable;

/**
 * What Admin › API Keys shows: keys whose owner's username starts with {@code owner}, holding
 * {@code apiSet}, in {@code status}, expiring within {@code expiringWithinDays} days, or unused
 * (never, or not) for {@code unusedForDays} days. Each part left null does not filter.
 */
public record KeyFilter(
        @Nullable String owner,
        @Nullable String apiSet,
        @Nullable ApiKeyStatus status,
        @Nullable Integer expiringWithinDays,
        @Nullable Integer unusedForDays) {

    public static final KeyFilter NONE = new KeyFilter(null, null, null, null, null);

    /** True when no part filters: every key. */
    public boolean isEmpty() {
        return (owner == null || owner.isBlank())
                && apiSet == null
                && status == null
                && expiringWithinDays == null
                && unusedForDays == null;
    }
}
