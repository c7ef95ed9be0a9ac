package com.keyward.audit;

import static com.keyward.db.jooq.Tables.AUDIT_EVENT;

import com.keyward.db.DbTime;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(AuditEvent event) {
        dsl.insertInto(AUDIT_EVENT, AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.TYPE, AUDIT_EVENT.ACTOR_ID,
                        AUDIT_EVENT.ACTOR_USERNAME, AUDIT_EVENT.TARGET_USER_ID, AUDIT_EVENT.TARGET_USERNAME,
                        AUDIT_EVENT.DETAILS)
                .values(DbTime.toDb(event.occurredAt()), event.type().name(), event.actorId(), event.actorUsername(),
                        event.targetUserId(), event.targetUsername(), event.details())
                .execute();
    }

    public long count() {
        return dsl.fetchCount(AUDIT_EVENT);
    }

    /** Newest first, paged. */
    public List<AuditEvent> findPage(int offset, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> new AuditEvent(DbTime.fromDb(r.getOccurredAt()), AuditEventType.valueOf(r.getType()),
                        r.getActorId(), r.getActorUsername(), r.getTargetUserId(), r.getTargetUsername(),
                        r.getDetails()));
    }
}
