package com.keyward.audit;

/** What happened. Stored by name: renaming one needs a migration. */
public enum AuditEventType {
    API_KEY_GENERATED,
    API_KEY_REVOKED,
    ROLE_CREATED,
    ROLE_CHANGED,
    ROLE_DELETED,
    ROLE_ASSIGNED,
    ROLE_REMOVED,
    ACCOUNT_ENABLED,
    ACCOUNT_DISABLED,
    ACCOUNT_UNLOCKED,
    ACCOUNT_LOCKED
}
