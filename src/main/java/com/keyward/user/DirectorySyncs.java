package com.keyward.user;

/**
 * Sync now, for one person or everyone: offered by the directory module where a directory is
 * configured (accounts do not depend on it). Both need Manage Users.
 */
public interface DirectorySyncs {

    /**
     * Asks the directory about one person now.
     *
     * @return whether the directory still has the person
     * @throws RuntimeException when the directory cannot be reached (nothing was changed)
     */
    boolean syncNow(String username);

    Result syncAllNow();

    record Result(int checked, int absent) {}
}
