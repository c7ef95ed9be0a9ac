package com.keyward.user;

import com.keyward.role.Authority;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** Everything the User Account Details window shows of one account. */
public record UserAccountDetails(
        long id,
        String username,
        String displayName,
        String email,
        AccountSource source,
        boolean hasPassword,
        UserStatus status,
        @Nullable Instant accountExpiresAt,
        Instant createdAt,
        @Nullable Instant lastSignInAt,
        List<String> roles,
        List<Authority> authorities,
        List<String> mappedRoles,
        @Nullable Instant directorySyncedAt) {}
