package com.keyward.apiset;

import org.jspecify.annotations.Nullable;

/**
 * A named group of REST endpoints that an API key can unlock: one of Keyward's own (built in, its
 * endpoints served here) or registered for another service, which checks keys by introspection.
 */
public record ApiSet(
        String code,
        String name,
        String description,
        @Nullable String ownerService,
        boolean builtIn) {}
