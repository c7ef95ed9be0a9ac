package com.keyward.audit;

import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log needs View Audit Log. */
@Service
@Transactional(readOnly = true)
public class AuditService {

    private final AuditRepository events;
    private final CurrentUser currentUser;

    public AuditService(AuditRepository events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    public long count() {
        requireViewAuditLog();
        return events.count();
    }

    /** Newest first. */
    public List<AuditEvent> page(int offset, int limit) {
        requireViewAuditLog();
        return events.findPage(offset, limit);
    }

    private void requireViewAuditLog() {
        if (!currentUser.hasAuthority(Authorities.VIEW_AUDIT_LOG)) {
            throw new AccessDeniedException("Viewing the audit log needs the View Audit Log authority");
        }
    }
}
