package com.keyward.audit;

/** What happened. Stored by name: renaming one needs a migration. */
public enum AuditEventType {
    API_KEY_GENERATED,
    API_KEY_REVOKED
}
