package com.keyward.apiset;

import org.jspecify.annotations.Nullable;

/**
 * A named group of REST endpoints that an API key can unlock: one of Keyward's own (built in, its
 * endpoints served here) or registered for another service, which checks keys by introspection.
 * A set that {@code needsApproval} works for a new key only once an approver has approved it.
 */
public record ApiSet(
        String code,
        String name,
        String description,
        @Nullable String ownerService,
        boolean builtIn,
        boolean needsApproval) {

    /** The same set with the approval rule changed. */
    public ApiSet withNeedsApproval(boolean needed) {
        return new ApiSet(code, name, description, ownerService, builtIn, needed);
    }
}
