package com.keyward.role;

import java.util.List;

/** A role as the Roles API shows it. */
public record RoleSummary(long id, String name, String description, boolean builtIn, List<String> authorities,
        RoleLimits limits, int users) {
}
