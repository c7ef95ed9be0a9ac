package com.keyward.role;

/** A user was given a role ({@code assigned}) or lost it. */
public record MembershipChanged(long userId, String username, String role, boolean assigned) {}
