package com.keyward.audit;

import jakarta.annotation.Nullable;
import java.time.LocalDate;

/** What the Audit view shows: optional type, actor and target usernames (starting with), and UTC dates. */
public record AuditFilter(
        @Nullable AuditEventType type,
        @Nullable String actor,
        @Nullable String target,
        @Nullable LocalDate from,
        @Nullable LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        target = target == null || target.isBlank() ? null : target.strip();
    }
}
