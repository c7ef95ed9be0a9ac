package com.keyward.apikey;

/** The fields of the New API Key window that a refusal can point at; FORM for the whole request. */
public enum ApiKeyField {
    NAME,
    DESCRIPTION,
    API_SETS,
    EXPIRES,
    ALLOWED_NETWORKS,
    JUSTIFICATION,
    FORM
}
