package com.keyward.role;

/** An authority with its parent's code (null at the top). */
public record AuthorityNode(Authority authority, String parentCode) {}
