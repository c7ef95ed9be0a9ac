package com.keyward.apikey;

import static com.keyward.db.jooq.Tables.API_KEY;
import static com.keyward.db.jooq.Tables.KEY_APPROVAL;
import static com.keyward.db.jooq.Tables.KEY_REMINDER;

import com.keyward.db.EnumColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class KeyReminderRepository {

    private static final Field<KeyReminder.Kind> KIND = EnumColumns.typed(KEY_REMINDER.KIND, KeyReminder.Kind.class);

    /** Kinds told at once (or not mailed at all), never in the daily digest of expiring keys. */
    private static final java.util.Set<KeyReminder.Kind> OUTSIDE_DIGEST = java.util.EnumSet.of(
            KeyReminder.Kind.EXPIRED, KeyReminder.Kind.LEAKED, KeyReminder.Kind.APPROVED, KeyReminder.Kind.DENIED);

    private final DSLContext dsl;

    KeyReminderRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Adds the reminders that are due: for each active key not rolled, the tightest threshold it
     * has crossed (30, 7, 1 days ahead), and for each key that expired unrevoked, EXPIRED. A
     * reminder once made is not made again (one per key and kind).
     */
    int addDue(Instant now) {
        return due(KeyReminder.Kind.EXPIRES_30, between(now, Duration.ofDays(7), Duration.ofDays(30)), now)
                + due(KeyReminder.Kind.EXPIRES_7, between(now, Duration.ofDays(1), Duration.ofDays(7)), now)
                + due(KeyReminder.Kind.EXPIRES_1, between(now, Duration.ZERO, Duration.ofDays(1)), now)
                + due(
                        KeyReminder.Kind.EXPIRED,
                        API_KEY.EXPIRES_AT.le(now).and(API_KEY.EXPIRES_AT.gt(now.minus(Duration.ofDays(30)))),
                        now);
    }

    private static Condition between(Instant now, Duration after, Duration upTo) {
        return API_KEY.EXPIRES_AT.gt(now.plus(after)).and(API_KEY.EXPIRES_AT.le(now.plus(upTo)));
    }

    private int due(KeyReminder.Kind kind, Condition expiry, Instant now) {
        return dsl.insertInto(
                        KEY_REMINDER,
                        KEY_REMINDER.OWNER_ID,
                        KEY_REMINDER.API_KEY_ID,
                        KEY_REMINDER.KIND,
                        KEY_REMINDER.CREATED_AT)
                .select(DSL.select(API_KEY.OWNER_ID, API_KEY.ID, DSL.val(kind.name()), DSL.val(now))
                        .from(API_KEY)
                        .where(expiry.and(API_KEY.REVOKED_AT.isNull()).and(API_KEY.ROLLED_TO_ID.isNull())))
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** A reminder made by an event (a leak report) rather than by the job. */
    void add(long ownerId, long apiKeyId, KeyReminder.Kind kind, Instant now) {
        dsl.insertInto(
                        KEY_REMINDER,
                        KEY_REMINDER.OWNER_ID,
                        KEY_REMINDER.API_KEY_ID,
                        KEY_REMINDER.KIND,
                        KEY_REMINDER.CREATED_AT)
                .values(ownerId, apiKeyId, kind.name(), now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    List<KeyReminder> ofOwner(long ownerId, int limit) {
        return select().where(KEY_REMINDER.OWNER_ID.eq(ownerId))
                .orderBy(KEY_REMINDER.READ_AT.isNull().desc(), KEY_REMINDER.CREATED_AT.desc())
                .limit(limit)
                .fetch(Records.mapping(KeyReminder::new));
    }

    int unread(long ownerId) {
        return dsl.fetchCount(KEY_REMINDER, KEY_REMINDER.OWNER_ID.eq(ownerId).and(KEY_REMINDER.READ_AT.isNull()));
    }

    void markRead(long ownerId, Instant now) {
        dsl.update(KEY_REMINDER)
                .set(KEY_REMINDER.READ_AT, now)
                .where(KEY_REMINDER.OWNER_ID.eq(ownerId).and(KEY_REMINDER.READ_AT.isNull()))
                .execute();
    }

    /** Owners with unmailed expiry reminders who have had no reminder mail since {@code since}. */
    List<Long> ownersToMail(Instant since) {
        var mailedLately = DSL.select(KEY_REMINDER.OWNER_ID).from(KEY_REMINDER).where(KEY_REMINDER.MAILED_AT.ge(since));
        return dsl.selectDistinct(KEY_REMINDER.OWNER_ID)
                .from(KEY_REMINDER)
                .where(KEY_REMINDER
                        .MAILED_AT
                        .isNull()
                        .and(KIND.notIn(OUTSIDE_DIGEST))
                        .and(KEY_REMINDER.OWNER_ID.notIn(mailedLately)))
                .fetch(KEY_REMINDER.OWNER_ID);
    }

    /** An owner's expiry reminders not mailed yet, locked until the transaction ends. */
    List<KeyReminder> unmailedLocked(long ownerId) {
        return select().where(KEY_REMINDER
                        .OWNER_ID
                        .eq(ownerId)
                        .and(KEY_REMINDER.MAILED_AT.isNull())
                        .and(KIND.notIn(OUTSIDE_DIGEST)))
                .orderBy(API_KEY.EXPIRES_AT)
                .forUpdate()
                .fetch(Records.mapping(KeyReminder::new));
    }

    void markMailed(Collection<Long> reminderIds, Instant now) {
        dsl.update(KEY_REMINDER)
                .set(KEY_REMINDER.MAILED_AT, now)
                .where(KEY_REMINDER.ID.in(reminderIds))
                .execute();
    }

    private org.jooq.SelectOnConditionStep<
                    org.jooq.Record9<Long, Long, String, String, Instant, KeyReminder.Kind, Instant, Instant, String>>
            select() {
        return dsl.select(
                        KEY_REMINDER.ID,
                        KEY_REMINDER.API_KEY_ID,
                        API_KEY.NAME,
                        API_KEY.HINT,
                        API_KEY.EXPIRES_AT,
                        KIND,
                        KEY_REMINDER.CREATED_AT,
                        KEY_REMINDER.READ_AT,
                        KEY_APPROVAL.REASON)
                .from(KEY_REMINDER)
                .join(API_KEY)
                .on(API_KEY.ID.eq(KEY_REMINDER.API_KEY_ID))
                .leftJoin(KEY_APPROVAL)
                .on(KEY_APPROVAL.API_KEY_ID.eq(KEY_REMINDER.API_KEY_ID));
    }
}
