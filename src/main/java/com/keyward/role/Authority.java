package com.keyward.role;

/** A node of the authority tree: its stable code, display name and level. */
public record Authority(String code, String name, AuthorityLevel level) {}
