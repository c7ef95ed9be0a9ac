package com.keyward.user;

import java.util.Set;

/**
 * A person as the directory or SSO provider has them now: the identity their account is bound to
 * ({@code issuer} and {@code externalId}: the provider's iss and sub, or the directory and the
 * entry's immutable id), the username they assert, their profile, and the roles their groups map to.
 */
public record ExternalPerson(
        String issuer, String externalId, String username, String displayName, String email, Set<String> roleNames) {}
