package com.keyward.validation;

import java.util.Map;

/**
 * Why a change was refused, as a message per field of the form it came from (each module names
 * its fields with an enum; a FORM constant for what concerns the whole). Nothing was saved.
 */
public final class ValidationException extends RuntimeException {

    private final transient Map<Enum<?>, String> errors;

    public ValidationException(Map<? extends Enum<?>, String> errors) {
        super("Not saved: " + errors.values());
        this.errors = Map.copyOf(errors);
    }

    public static ValidationException of(Enum<?> field, String message) {
        return new ValidationException(Map.of(field, message));
    }

    public Map<Enum<?>, String> errors() {
        return errors;
    }
}
