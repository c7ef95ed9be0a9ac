package com.keyward.role;

/** The API-key limits a person has: the largest of each over their roles. */
public record RoleLimits(int maxActiveApiKeys, int maxApiKeyLifetimeDays) {

    public static final int DEFAULT_MAX_ACTIVE_API_KEYS = 10;
    public static final int DEFAULT_MAX_API_KEY_LIFETIME_DAYS = 365;
    public static final RoleLimits DEFAULTS =
            new RoleLimits(DEFAULT_MAX_ACTIVE_API_KEYS, DEFAULT_MAX_API_KEY_LIFETIME_DAYS);
}
