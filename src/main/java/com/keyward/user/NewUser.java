package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** An account to create; {@code passwordHash} is already hashed, or null for "cannot sign in". */
public record NewUser(
        String username,
        String displayName,
        String email,
        UserStatus status,
        @Nullable Instant accountExpiresAt,
        @Nullable String passwordHash) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", status=" + status + "]";
    }
}
