package com.keyward.role;

import java.util.Set;

/**
 * Someone tried to change an account that holds authorities they do not ({@code missing}): refused,
 * and recorded although nothing changed. {@code action} says what was tried, in the audit's words.
 */
public record AdministrationRefused(long userId, String username, String action, Set<String> missing) {}
