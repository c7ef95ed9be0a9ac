package com.keyward.validation;

import jakarta.annotation.Nullable;
import java.util.Optional;

/** The one set of rules for the names and descriptions people give things (roles, API keys). */
public final class Names {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    private Names() {}

    /** A name as it is kept: without surrounding white space. */
    public static String name(@Nullable String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** A description as it is kept: none when blank, else without surrounding white space. */
    public static @Nullable String description(@Nullable String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** Why this (kept) name cannot be used for a {@code thing} ("role", "key", "person": keys names.empty.*), or empty when it can. */
    public static Optional<Message> nameProblem(String name, String thing) {
        if (name.isEmpty()) {
            return Optional.of(Message.of("names.empty." + thing));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(Message.of("names.toolong", MAX_NAME_LENGTH));
        }
        return SafeText.nameProblem(name);
    }

    /** Why this (kept) description cannot be used, or empty when it can. */
    public static Optional<Message> descriptionProblem(@Nullable String description) {
        if (description == null) {
            return Optional.empty();
        }
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            return Optional.of(Message.of("names.toolong", MAX_DESCRIPTION_LENGTH));
        }
        return SafeText.descriptionProblem(description);
    }
}
