package com.keyward.user;

/** Whether an account may sign in; only ENABLED accounts can. */
public enum UserStatus {
    ENABLED,
    /** By an administrator. */
    DISABLED,
    /** By failed sign-ins; runs out by itself. */
    LOCKED,
    /** By the directory sync: gone or disabled in the directory; only the directory lifts it. */
    DIRECTORY_DISABLED;

    /** Disabled by anyone (an administrator or the directory), as opposed to locked or enabled. */
    public boolean disabled() {
        return this == DISABLED || this == DIRECTORY_DISABLED;
    }
}
