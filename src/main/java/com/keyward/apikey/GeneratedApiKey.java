package com.keyward.apikey;

/**
 * A key just generated: its stored metadata and, this one time, the key itself. Never logged:
 * {@link #toString()} leaves the key out.
 */
public record GeneratedApiKey(ApiKeyInfo info, String key) {

    @Override
    public String toString() {
        return "GeneratedApiKey[id=" + info.id() + ", hint=" + info.hint() + "]";
    }
}
