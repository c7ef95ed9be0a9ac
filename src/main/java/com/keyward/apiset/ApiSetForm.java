package com.keyward.apiset;

import org.jspecify.annotations.Nullable;

/** What the API set editor sends: the code only counts when a set is created (it never changes). */
public record ApiSetForm(
        @Nullable String code,
        @Nullable String name,
        @Nullable String description,
        @Nullable String ownerService) {}
