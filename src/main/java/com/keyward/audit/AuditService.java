package com.keyward.audit;

import com.keyward.db.RowCount;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit log needs View Audit Log. */
@Service
@Transactional(readOnly = true)
public class AuditService {

    private static final String VIEW_AUDIT_LOG_NEEDED = "Viewing the audit log needs the View Audit Log authority";

    private final AuditRepository events;
    private final CurrentUser currentUser;

    public AuditService(AuditRepository events, CurrentUser currentUser) {
        this.events = events;
        this.currentUser = currentUser;
    }

    public long count(AuditFilter filter) {
        currentUser.requireAuthority(Authorities.VIEW_AUDIT_LOG, VIEW_AUDIT_LOG_NEEDED);
        return events.count(filter);
    }

    /** The count at once, for the grid to show while {@link #count} runs: exact when cheap, else an estimate. */
    public RowCount quickCount(AuditFilter filter) {
        currentUser.requireAuthority(Authorities.VIEW_AUDIT_LOG, VIEW_AUDIT_LOG_NEEDED);
        return events.quickCount(filter);
    }

    /** Newest first. */
    public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        currentUser.requireAuthority(Authorities.VIEW_AUDIT_LOG, VIEW_AUDIT_LOG_NEEDED);
        return events.findPage(filter, offset, limit);
    }
}
