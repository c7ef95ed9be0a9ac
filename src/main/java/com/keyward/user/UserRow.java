package com.keyward.user;

import java.time.Instant;

/** One line of the User Management grid. */
public record UserRow(long id, String username, String displayName, String email, String roles, UserStatus status,
        Instant lastSignInAt) {
}
