package com.keyward.apiset;

import java.util.Locale;

/**
 * The API sets and the paths they open: the one definition that the security rules, the REST
 * controllers, the OpenAPI groups and (through a test against the migrations' seed rows) the
 * catalog follow.
 */
public enum ApiSetPath {
    ACCOUNT(ApiSetPath.ACCOUNT_PATH, "Account API"),
    USERS(ApiSetPath.USERS_PATH, "Users API"),
    ROLES(ApiSetPath.ROLES_PATH, "Roles API"),
    AUDIT(ApiSetPath.AUDIT_PATH, "Audit API");

    // compile-time constants, for the controllers' @RequestMapping
    public static final String ACCOUNT_PATH = "/api/v1/account";
    public static final String USERS_PATH = "/api/v1/users";
    public static final String ROLES_PATH = "/api/v1/roles";
    public static final String AUDIT_PATH = "/api/v1/audit";

    private final String path;
    private final String displayName;

    ApiSetPath(String path, String displayName) {
        this.path = path;
        this.displayName = displayName;
    }

    /** The set's code, as stored with a key and in table api_set. */
    public String code() {
        return name();
    }

    public String path() {
        return path;
    }

    /** As in table api_set, for the OpenAPI group's title. */
    public String displayName() {
        return displayName;
    }

    /** The OpenAPI group: /v3/api-docs/{group}. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}
