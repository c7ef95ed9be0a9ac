package com.keyward.role;

import java.util.Set;

/** What the role editor submits. Authorities are the checked nodes; children of a checked node are implied. */
public record RoleForm(String name, String description, Set<String> authorities, int maxActiveApiKeys,
        int maxApiKeyLifetimeDays) {
}
