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

    /**
     * Links a local account to the directory entry this directory username finds (Manage Users):
     * the person signs in with the directory from then on.
     *
     * @throws com.keyward.validation.Refused when the directory has no such (enabled) person
     */
    void linkToDirectory(long userId, String directoryUsername);

    record Result(int checked, int absent) {}
}
