package com.keyward.user;

import jakarta.annotation.Nullable;

/**
 * What the User Management grid shows: text that username, name or email starts with
 * (case- and accent-insensitive), and optionally one status and one source.
 */
public record UserFilter(
        @Nullable String text,
        @Nullable UserStatus status,
        @Nullable AccountSource source) {

    public static final UserFilter NONE = new UserFilter(null, null, null);

    public UserFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public UserFilter(@Nullable String text, @Nullable UserStatus status) {
        this(text, status, null);
    }
}
