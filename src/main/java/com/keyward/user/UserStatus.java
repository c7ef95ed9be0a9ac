package com.keyward.user;

/** Whether an account may sign in; only ENABLED accounts can. */
public enum UserStatus {
    ENABLED,
    DISABLED,
    LOCKED
}
