package com.keyward.audit;

import static com.keyward.db.StartsWith.startsWith;
import static com.keyward.db.jooq.Tables.AUDIT_EVENT;

import com.keyward.db.DbTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

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

    public long count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, condition(filter));
    }

    /** Newest first, paged. */
    public List<AuditEvent> findPage(AuditFilter filter, int offset, int limit) {
        return dsl.selectFrom(AUDIT_EVENT)
                .where(condition(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> new AuditEvent(DbTime.fromDb(r.getOccurredAt()), AuditEventType.valueOf(r.getType()),
                        r.getActorId(), r.getActorUsername(), r.getTargetUserId(), r.getTargetUsername(),
                        r.getDetails()));
    }

    private static Condition condition(AuditFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.type() != null) {
            condition = condition.and(AUDIT_EVENT.TYPE.eq(filter.type().name()));
        }
        if (filter.actor() != null) {
            condition = condition.and(startsWith(AUDIT_EVENT.ACTOR_USERNAME, filter.actor()));
        }
        if (filter.target() != null) {
            condition = condition.and(startsWith(AUDIT_EVENT.TARGET_USERNAME, filter.target()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.lt(filter.to().plusDays(1).atStartOfDay()));
        }
        return condition;
    }
}
