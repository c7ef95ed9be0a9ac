package com.keyward.user;

/**
 * The directory no longer has the person of this account (gone, disabled there, or outside the
 * filter): published inside the sync's transaction, so that their API keys are revoked in it.
 */
public record AccountLeft(long userId, String username) {}
