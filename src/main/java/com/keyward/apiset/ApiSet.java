package com.keyward.apiset;

/** A named group of REST endpoints that an API key can unlock. */
public record ApiSet(String code, String name, String description) {}
