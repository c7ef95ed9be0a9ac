package com.keyward.audit;

import java.util.List;
import org.springframework.stereotype.Component;

/** Reading the audit log in tests without signing in as someone who may. */
@Component
public class AuditFixtures {

    private final AuditRepository events;

    AuditFixtures(AuditRepository events) {
        this.events = events;
    }

    public List<AuditEvent> findPage(AuditFilter filter, int offset, int limit) {
        return events.findPage(filter, offset, limit);
    }
}
