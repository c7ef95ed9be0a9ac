package com.keyward.role;

/** The fields of the role editor that a refusal can point at; FORM for the whole. */
public enum RoleField {
    NAME,
    DESCRIPTION,
    AUTHORITIES,
    MAX_ACTIVE_API_KEYS,
    MAX_API_KEY_LIFETIME_DAYS,
    FORM
}
