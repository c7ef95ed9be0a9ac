package com.keyward.security;

/** A role's authorities changed, or a role went: every holder's cached authorities are stale. */
public record AuthoritiesChanged() {}
