package com.keyward.role;

import jakarta.annotation.Nullable;
import java.util.List;

/** A role as the Roles API shows it. */
public record RoleSummary(
        long id,
        String name,
        @Nullable String description,
        boolean builtIn,
        List<String> authorities,
        RoleLimits limits,
        int users) {}
