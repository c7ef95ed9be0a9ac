package com.keyward.apikey;

/** A key works only while ACTIVE. */
public enum ApiKeyStatus {
    ACTIVE("Active"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    ApiKeyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
