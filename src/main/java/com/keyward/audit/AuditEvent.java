package com.keyward.audit;

import java.time.Instant;

/** One audit entry: who did what to whom, when, and a human-readable detail (never a secret). */
public record AuditEvent(Instant occurredAt, AuditEventType type, Long actorId, String actorUsername,
        Long targetUserId, String targetUsername, String details) {
}
