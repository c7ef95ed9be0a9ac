package com.keyward.user;

import java.util.Set;

/** A person as the directory has them now: profile, and the roles their groups map to. */
public record ExternalPerson(String username, String displayName, String email, Set<String> roleNames) {}
