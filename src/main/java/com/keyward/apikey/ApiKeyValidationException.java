package com.keyward.apikey;

import java.util.Map;

/** Why a key was not generated, per field of the New API Key window; nothing was stored. */
public class ApiKeyValidationException extends RuntimeException {

    /** The field each message belongs next to; FORM for what concerns the whole request. */
    public enum Field {
        NAME,
        DESCRIPTION,
        API_SETS,
        EXPIRES,
        FORM
    }

    private final transient Map<Field, String> errors;

    public ApiKeyValidationException(Map<Field, String> errors) {
        super("API key not generated: " + errors.values());
        this.errors = Map.copyOf(errors);
    }

    public Map<Field, String> errors() {
        return errors;
    }
}
