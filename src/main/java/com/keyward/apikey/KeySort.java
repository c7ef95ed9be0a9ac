package com.keyward.apikey;

/** The orders of Admin › API Keys, each served by an index. */
public enum KeySort {
    CREATED,
    EXPIRES,
    LAST_USED,
    OWNER
}
