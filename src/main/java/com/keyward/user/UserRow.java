package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** One line of the User Management grid. */
public record UserRow(
        long id,
        String username,
        String displayName,
        String email,
        AccountSource source,
        @Nullable String roles,
        UserStatus status,
        @Nullable Instant lastSignInAt) {}
