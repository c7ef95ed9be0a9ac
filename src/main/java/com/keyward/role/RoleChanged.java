package com.keyward.role;

import jakarta.annotation.Nullable;
import java.util.Set;

/**
 * A role was created ({@code before} empty), changed, or deleted ({@code after} empty). The
 * authorities are the role's own, in their shortest form.
 */
public record RoleChanged(
        @Nullable Snapshot before, @Nullable Snapshot after) {

    /** A role as it was or is. */
    public record Snapshot(String name, Set<String> authorities, int maxActiveApiKeys, int maxApiKeyLifetimeDays) {}
}
