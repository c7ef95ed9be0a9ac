package com.keyward.db;

/**
 * The database's schema was migrated by a newer Keyward release than this one: this release would
 * misread or lose what it does not know, so it does not start on it.
 */
public class SchemaTooNewException extends RuntimeException {

    private final String applied;
    private final String known;

    SchemaTooNewException(String applied, String known) {
        super("the database schema is at version " + applied + ", this release knows versions up to " + known);
        this.applied = applied;
        this.known = known;
    }

    /** The newest version applied to the database. */
    public String applied() {
        return applied;
    }

    /** The newest version this release ships. */
    public String known() {
        return known;
    }
}
