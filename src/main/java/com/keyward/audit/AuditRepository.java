package com.keyward.audit;

import static com.keyward.db.StartsWith.startsWith;
import static com.keyward.db.jooq.Tables.AUDIT_EVENT;

import com.keyward.db.EnumColumns;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Row7;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private static final Field<AuditEventType> TYPE = EnumColumns.typed(AUDIT_EVENT.TYPE, AuditEventType.class);
    /** An event's columns, in the order of {@link AuditEvent}'s components. */
    private static final Row7<Instant, AuditEventType, Long, String, Long, String, String> EVENT = DSL.row(
            AUDIT_EVENT.OCCURRED_AT,
            TYPE,
            AUDIT_EVENT.ACTOR_ID,
            AUDIT_EVENT.ACTOR_USERNAME,
            AUDIT_EVENT.TARGET_USER_ID,
            AUDIT_EVENT.TARGET_USERNAME,
            AUDIT_EVENT.DETAILS);

    private final DSLContext dsl;

    public AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(AuditEvent event) {
        dsl.insertInto(AUDIT_EVENT, EVENT.fields())
                .values(
                        event.occurredAt(),
                        event.type(),
                        event.actorId(),
                        event.actorUsername(),
                        event.targetUserId(),
                        event.targetUsername(),
                        event.details())
                .execute();
    }

    public long count(AuditFilter filter) {
        return dsl.fetchCount(AUDIT_EVENT, condition(filter));
    }

    /** Newest first, paged. */
    public List<AuditEvent> findPage(AuditFilter filter, int offset, int limit) {
        return dsl.select(EVENT.mapping(AuditEvent::new))
                .from(AUDIT_EVENT)
                .where(condition(filter))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(Record1::value1);
    }

    private static Condition condition(AuditFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.type() != null) {
            condition = condition.and(TYPE.eq(filter.type()));
        }
        if (filter.actor() != null) {
            condition = condition.and(startsWith(AUDIT_EVENT.ACTOR_USERNAME, filter.actor()));
        }
        if (filter.target() != null) {
            condition = condition.and(startsWith(AUDIT_EVENT.TARGET_USERNAME, filter.target()));
        }
        if (filter.from() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.ge(
                    filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            condition = condition.and(AUDIT_EVENT.OCCURRED_AT.lt(
                    filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        return condition;
    }
}
