package com.keyward.apikey;

import java.time.Instant;
import java.util.Set;

/**
 * What the New API Key window asks for. There is deliberately no owner: the owner of a new key
 * is always the person signed in.
 */
public record NewApiKey(String name, String description, Set<String> apiSetCodes, Instant expiresAt) {
}
