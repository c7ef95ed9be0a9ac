package com.keyward.user;

/**
 * A directory entry or SSO subject asserted a username whose account is not theirs (bound to
 * another identity, or of another source): refused, and recorded with the identity as the actor.
 */
public record ExternalIdentityRefused(
        AccountSource source,
        String issuer,
        String externalId,
        String assertedUsername,
        long userId,
        String username,
        ExternalAccounts.Why why) {}
