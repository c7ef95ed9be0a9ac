package com.keyward.audit;

import java.time.LocalDate;

/** What the Audit view shows: optional type, actor and target usernames (starting with), and UTC dates. */
public record AuditFilter(AuditEventType type, String actor, String target, LocalDate from, LocalDate to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        target = target == null || target.isBlank() ? null : target.strip();
    }
}
