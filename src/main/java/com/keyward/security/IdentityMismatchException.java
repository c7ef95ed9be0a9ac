package com.keyward.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * Someone proved who they are where they come from (a directory bind), but the username they
 * carry there belongs to a Keyward account bound to another identity: they are told so, as they
 * showed the right password; the account is not theirs and is left untouched.
 */
public class IdentityMismatchException extends AccountStatusException {

    private static final long serialVersionUID = 1L;

    public IdentityMismatchException(String message) {
        super(message);
    }
}
