package com.keyward.apikey;

/** A key works only while ACTIVE. */
public enum ApiKeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
