package com.keyward.role;

import java.util.Map;

/** Why a role change was refused, per field (FORM for the whole); nothing was saved. */
public class RoleValidationException extends RuntimeException {

    public enum Field {
        NAME,
        DESCRIPTION,
        AUTHORITIES,
        MAX_ACTIVE_API_KEYS,
        MAX_API_KEY_LIFETIME_DAYS,
        FORM
    }

    private final transient Map<Field, String> errors;

    public RoleValidationException(Map<Field, String> errors) {
        super("Role not saved: " + errors.values());
        this.errors = Map.copyOf(errors);
    }

    public Map<Field, String> errors() {
        return errors;
    }
}
