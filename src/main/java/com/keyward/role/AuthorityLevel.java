package com.keyward.role;

/** The three levels of the "Role, Authority, and Levels" module, highest first. */
public enum AuthorityLevel {
    APPLICATION,
    AREA,
    ACTION
}
