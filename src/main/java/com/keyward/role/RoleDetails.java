package com.keyward.role;

import java.util.Set;

/** A role as the editor loads it. */
public record RoleDetails(long id, String name, String description, boolean builtIn, Set<String> authorities,
        RoleLimits limits, int users) {
}
