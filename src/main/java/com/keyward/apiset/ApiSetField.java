package com.keyward.apiset;

/** The fields of the API set editor a refusal can point at; FORM for the whole request. */
public enum ApiSetField {
    CODE,
    NAME,
    DESCRIPTION,
    OWNER_SERVICE,
    FORM
}
