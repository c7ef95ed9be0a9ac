package com.keyward.apiset;

import org.jspecify.annotations.Nullable;

/**
 * An API set was registered ({@code before} empty), changed (a registered set's texts, any set's
 * approval rule), or deleted ({@code after} empty).
 */
public record ApiSetChanged(
        @Nullable ApiSet before, @Nullable ApiSet after) {}
