package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * What the User Management grid shows: text that username, name or email starts with
 * (case- and accent-insensitive), and optionally one status, one source, and people who have not
 * signed in since a moment (never, or before it: how leavers are found where the SSO provider
 * offers no sync).
 */
public record UserFilter(
        @Nullable String text,
        @Nullable UserStatus status,
        @Nullable AccountSource source,
        @Nullable Instant notSignedInSince) {

    public static final UserFilter NONE = new UserFilter(null, null, null, null);

    public UserFilter {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** True when no part filters: every user. */
    public boolean isEmpty() {
        return text == null && status == null && source == null && notSignedInSince == null;
    }

    public UserFilter(@Nullable String text, @Nullable UserStatus status) {
        this(text, status, null, null);
    }
}
