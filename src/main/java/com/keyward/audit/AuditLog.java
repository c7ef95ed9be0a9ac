package com.keyward.audit;

import com.keyward.db.RetriedOnConflict;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import jakarta.annotation.Nullable;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records audit events inside the caller's transaction: the event exists exactly when the change does. */
@Service
class AuditLog {

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(AuditRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            AuditEventType type, @Nullable Long targetUserId, @Nullable String targetUsername, String details) {
        // nobody is signed in during the first set-up or when a set-password link is used
        var actor = currentUser.get();
        repository.insert(new AuditEvent(
                clock.instant(),
                type,
                actor.map(SignedInUser::id).orElse(null),
                actor.map(SignedInUser::getUsername).orElse(null),
                targetUserId,
                targetUsername,
                details));
    }

    /**
     * An attempt that was refused and so changed nothing: written in a transaction of its own,
     * after the attempt's transaction has ended (rolled back, most often).
     */
    @RetriedOnConflict
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(
            AuditEventType type, @Nullable Long targetUserId, @Nullable String targetUsername, String details) {
        record(type, targetUserId, targetUsername, details);
    }

    /**
     * An event whose actor has no Keyward account, named by {@code actor}: someone on the host
     * ({@code host (recover-admin)}), an outside identity (a directory entry, an SSO subject).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(
            String actor,
            AuditEventType type,
            @Nullable Long targetUserId,
            @Nullable String targetUsername,
            String details) {
        repository.insert(new AuditEvent(
                clock.instant(),
                type,
                null,
                actor.length() > 64 ? actor.substring(0, 64) : actor,
                targetUserId,
                targetUsername,
                details.length() > 1000 ? details.substring(0, 1000) : details));
    }

    /** An event with no person behind it (a lock after failed sign-ins, a lock running out). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBySystem(
            AuditEventType type, @Nullable Long targetUserId, @Nullable String targetUsername, String details) {
        repository.insert(new AuditEvent(clock.instant(), type, null, null, targetUserId, targetUsername, details));
    }
}
