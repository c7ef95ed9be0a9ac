package com.keyward.user;

/** A directory (or SSO) sign-in for a username that belongs to an account of another source. */
public class AccountSourceClash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountSourceClash(String username, AccountSource existing) {
        super("The username \"" + username + "\" belongs to a "
                + existing.name().toLowerCase(java.util.Locale.ROOT)
                + " account: nobody else of that name can sign in");
    }
}
