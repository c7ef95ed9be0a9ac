package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.Duration;

/**
 * An account's status changed: by an administrator, by failed sign-ins ({@code lockedFor} and
 * {@code failures} then say how), or because a lock ran out. {@code byAdministrator} tells the
 * first from the others.
 */
public record AccountStatusChanged(
        long userId,
        String username,
        UserStatus from,
        UserStatus to,
        boolean byAdministrator,
        @Nullable Duration lockedFor,
        int failures) {}
