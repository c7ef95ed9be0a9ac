package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** What an administrator may change of an account's profile. */
public record ProfileForm(
        String displayName, String email, @Nullable Instant accountExpiresAt) {}
