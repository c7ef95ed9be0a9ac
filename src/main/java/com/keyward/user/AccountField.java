package com.keyward.user;

/** The fields of the account forms (New user, edit profile, passwords, set-up), for field errors. */
public enum AccountField {
    USERNAME,
    NAME,
    EMAIL,
    ROLES,
    EXPIRES,
    PASSWORD,
    CURRENT_PASSWORD,
    TOKEN,
    FORM
}
