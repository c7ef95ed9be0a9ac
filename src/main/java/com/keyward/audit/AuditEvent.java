package com.keyward.audit;

import jakarta.annotation.Nullable;
import java.time.Instant;

/** One audit entry: who did what to whom, when, and a human-readable detail (never a secret). */
public record AuditEvent(
        Instant occurredAt,
        AuditEventType type,
        @Nullable Long actorId,
        @Nullable String actorUsername,
        @Nullable Long targetUserId,
        @Nullable String targetUsername,
        @Nullable String details) {}
