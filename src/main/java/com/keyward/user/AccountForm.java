package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Set;

/** A new local account as an administrator fills it in: it gets a set-password link, no password. */
public record AccountForm(
        String username,
        String displayName,
        String email,
        Set<Long> roleIds,
        @Nullable Instant accountExpiresAt) {}
