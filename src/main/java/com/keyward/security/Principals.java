package com.keyward.security;

import java.util.Optional;

/**
 * The principal of an account as it is now, whatever its source (a Keyward password, the
 * directory, SSO): what {@link CurrentUser} re-reads and what a directory sign-in hands on.
 * Offered by the module that owns accounts.
 */
public interface Principals {

    Optional<SignedInUser> current(String username);
}
