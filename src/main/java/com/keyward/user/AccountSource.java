package com.keyward.user;

/** Where an account comes from, and so how its person signs in. One username, one source. */
public enum AccountSource {
    /** A Keyward password, set by its person through a one-time link. */
    LOCAL,
    /** An LDAP / Active Directory bind. */
    DIRECTORY,
    /** An OpenID Connect provider. */
    SSO
}
