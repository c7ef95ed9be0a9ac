package com.keyward.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * Where a person's password is checked could not be reached (the directory is down): they are
 * told so, rather than that their password is wrong, and nothing is counted against them.
 */
public class SignInUnavailableException extends AuthenticationServiceException {

    private static final long serialVersionUID = 1L;

    public SignInUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
