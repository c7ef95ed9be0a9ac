package com.keyward.role;

import jakarta.annotation.Nullable;
import java.util.Set;

/** What the role editor submits. Authorities are the checked nodes; children of a checked node are implied. */
public record RoleForm(
        @Nullable String name,
        @Nullable String description,
        Set<String> authorities,
        int maxActiveApiKeys,
        int maxApiKeyLifetimeDays) {}
