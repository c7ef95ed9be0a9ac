package com.keyward.apiset;

import com.keyward.security.Authorities;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keyward's own API sets and the paths they open: the one definition that the security rules, the
 * REST controllers, the OpenAPI groups and (through a test against the migrations' seed rows) the
 * catalog follow.
 */
public enum ApiSetPath {
    ACCOUNT(ApiSetPath.ACCOUNT_PATH, "Account API", null),
    USERS(ApiSetPath.USERS_PATH, "Users API", Authorities.VIEW_USERS),
    ROLES(ApiSetPath.ROLES_PATH, "Roles API", Authorities.VIEW_ROLES),
    AUDIT(ApiSetPath.AUDIT_PATH, "Audit API", Authorities.VIEW_AUDIT_LOG),
    INTROSPECTION(ApiSetPath.INTROSPECTION_PATH, "Introspection API", null);

    // compile-time constants, for the controllers' @RequestMapping
    public static final String ACCOUNT_PATH = "/api/v1/account";
    public static final String USERS_PATH = "/api/v1/users";
    public static final String ROLES_PATH = "/api/v1/roles";
    public static final String AUDIT_PATH = "/api/v1/audit";
    public static final String INTROSPECTION_PATH = "/api/v1/introspect";

    private final String path;
    private final String displayName;
    private final @Nullable String requiredAuthority;

    ApiSetPath(String path, String displayName, @Nullable String requiredAuthority) {
        this.path = path;
        this.displayName = displayName;
        this.requiredAuthority = requiredAuthority;
    }

    /** The built-in set of this code, if it is one. */
    public static Optional<ApiSetPath> of(String code) {
        for (ApiSetPath set : values()) {
            if (set.code().equals(code)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
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

    /**
     * The authority the key's owner needs for the set's endpoints (the services check it on every
     * call); empty when holding the key is enough.
     */
    public Optional<String> requiredAuthority() {
        return Optional.ofNullable(requiredAuthority);
    }

    /** The OpenAPI group: /v3/api-docs/{group}. */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}
