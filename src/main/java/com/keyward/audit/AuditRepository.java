package com.keyward.audit;

import static com.keyward.db.StartsWith.startsWith;
import static com.keyward.db.jooq.Tables.AUDIT_EVENT;

import com.keyward.db.EnumColumns;
import com.keyward.db.RowCount;
import com.keyward.db.SparseIndex;
import com.keyward.db.SparseIndexes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

    /** Every event in time order: the unfiltered log, newest first, at any depth (BENCHMARKS.md). */
    private final SparseIndex byTime;

    public AuditRepository(DSLContext dsl, SparseIndexes indexes) {
        this.dsl = dsl;
        this.byTime = indexes.of(
                "audit events", AUDIT_EVENT, AUDIT_EVENT.ID, List.of(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ID));
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

    /** Builds the marks now, rather than in the background on first use (benchmarks). */
    void rebuildPagingIndex() {
        byTime.rebuild();
    }

    public long count(AuditFilter filter) {
        if (filter.equals(AuditFilter.NONE)) {
            OptionalLong total = byTime.total();
            if (total.isPresent()) {
                return total.getAsLong();
            }
        }
        return dsl.fetchCount(AUDIT_EVENT, condition(filter));
    }

    /** The count at once: exact when cheap, otherwise MariaDB's estimate (see {@link RowCount#quick}). */
    public RowCount quickCount(AuditFilter filter) {
        if (filter.equals(AuditFilter.NONE)) {
            OptionalLong total = byTime.total();
            if (total.isPresent()) {
                return RowCount.exact(total.getAsLong());
            }
        }
        return RowCount.quick(
                dsl, AUDIT_EVENT, condition(filter), () -> dsl.fetchCount(AUDIT_EVENT, condition(filter)));
    }

    /** Newest first, paged. */
    public List<AuditEvent> findPage(AuditFilter filter, int offset, int limit) {
        if (filter.equals(AuditFilter.NONE)) {
            Optional<SparseIndex.Window> window = byTime.window(offset, limit, false);
            if (window.isPresent()) {
                SparseIndex.Window at = window.get();
                return at.arrange(dsl.select(EVENT.mapping(AuditEvent::new))
                        .from(AUDIT_EVENT)
                        .where(at.from())
                        .orderBy(byTime.ascending())
                        .limit(at.limit())
                        .offset(at.offset())
                        .fetch(Record1::value1));
            }
        }
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
