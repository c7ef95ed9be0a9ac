package com.keyward.apiset;

import org.jspecify.annotations.Nullable;

/** A registered API set was created ({@code before} empty), changed, or deleted ({@code after} empty). */
public record ApiSetChanged(
        @Nullable ApiSet before, @Nullable ApiSet after) {}
