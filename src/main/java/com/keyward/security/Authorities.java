package com.keyward.security;

/**
 * Authority codes of the "Role, Authority, and Levels" module (seeded by Flyway).
 *
 * <p>A signed-in person's granted authorities are already expanded down the tree: whoever holds
 * {@link #ADMINISTRATION} also holds every area and action beneath it, so checks name the action.
 */
public final class Authorities {

    public static final String ADMINISTRATION = "ADMINISTRATION";
    public static final String USERS = "USERS";
    public static final String VIEW_USERS = "VIEW_USERS";
    public static final String MANAGE_USERS = "MANAGE_USERS";
    public static final String MANAGE_USER_API_KEY = "MANAGE_USER_API_KEY";
    public static final String REVOKE_USER_API_KEYS = "REVOKE_USER_API_KEYS";
    public static final String APPROVE_API_KEYS = "APPROVE_API_KEYS";
    public static final String ROLES = "ROLES";
    public static final String VIEW_ROLES = "VIEW_ROLES";
    public static final String MANAGE_ROLES = "MANAGE_ROLES";
    public static final String AUDIT = "AUDIT";
    public static final String VIEW_AUDIT_LOG = "VIEW_AUDIT_LOG";
    public static final String API_SETS = "API_SETS";
    public static final String MANAGE_API_SETS = "MANAGE_API_SETS";

    private Authorities() {}
}
