package com.keyward.role;

import jakarta.annotation.Nullable;
import java.util.Set;

/** A role as the editor loads it. */
public record RoleDetails(
        long id,
        String name,
        @Nullable String description,
        boolean builtIn,
        Set<String> authorities,
        RoleLimits limits,
        int users) {}
