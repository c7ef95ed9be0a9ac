package com.keyward.apikey;

import static com.keyward.db.jooq.Tables.API_KEY;
import static com.keyward.db.jooq.Tables.API_KEY_SET;
import static com.keyward.db.jooq.Tables.APP_USER;
import static com.keyward.db.jooq.Tables.KEY_APPROVAL;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** Requests for approval of a key's sets that need an approver, and their one decision each. */
@Repository
class KeyApprovalRepository {

    static final String APPROVED = "APPROVED";
    static final String DENIED = "DENIED";

    private final DSLContext dsl;

    KeyApprovalRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void request(long keyId, String justification, Instant now) {
        dsl.insertInto(KEY_APPROVAL)
                .set(KEY_APPROVAL.API_KEY_ID, keyId)
                .set(KEY_APPROVAL.JUSTIFICATION, justification)
                .set(KEY_APPROVAL.REQUESTED_AT, now)
                .execute();
    }

    /** A request not decided yet, with its key and owner. */
    record Open(
            long keyId,
            long ownerId,
            String ownerUsername,
            String ownerDisplayName,
            String keyName,
            @Nullable String keyDescription,
            String hint,
            List<String> pendingSetCodes,
            String justification,
            Instant requestedAt) {}

    /** Every undecided request of a key that is still active, oldest first. */
    List<Open> open(Instant now) {
        return selectOpen()
                .where(KEY_APPROVAL.DECIDED_AT.isNull())
                .and(API_KEY.REVOKED_AT.isNull())
                .and(API_KEY.EXPIRES_AT.gt(now))
                .orderBy(KEY_APPROVAL.REQUESTED_AT, KEY_APPROVAL.API_KEY_ID)
                .fetch(Records.mapping(Open::new));
    }

    int countOpen(Instant now) {
        return dsl.fetchCount(dsl.select(KEY_APPROVAL.API_KEY_ID)
                .from(KEY_APPROVAL)
                .join(API_KEY)
                .on(API_KEY.ID.eq(KEY_APPROVAL.API_KEY_ID))
                .where(KEY_APPROVAL.DECIDED_AT.isNull())
                .and(API_KEY.REVOKED_AT.isNull())
                .and(API_KEY.EXPIRES_AT.gt(now)));
    }

    Optional<Open> findOpen(long keyId) {
        return selectOpen()
                .where(KEY_APPROVAL.API_KEY_ID.eq(keyId))
                .and(KEY_APPROVAL.DECIDED_AT.isNull())
                .fetchOptional(Records.mapping(Open::new));
    }

    private org.jooq.SelectOnConditionStep<
                    org.jooq.Record10<
                            Long, Long, String, String, String, String, String, List<String>, String, Instant>>
            selectOpen() {
        return dsl.select(
                        API_KEY.ID,
                        API_KEY.OWNER_ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        API_KEY.NAME,
                        API_KEY.DESCRIPTION,
                        API_KEY.HINT,
                        ApiKeyRepository.pendingSetCodes(),
                        KEY_APPROVAL.JUSTIFICATION,
                        KEY_APPROVAL.REQUESTED_AT)
                .from(KEY_APPROVAL)
                .join(API_KEY)
                .on(API_KEY.ID.eq(KEY_APPROVAL.API_KEY_ID))
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_KEY.OWNER_ID));
    }

    /**
     * Records the decision when none was made yet: true for the one caller that made it. It writes
     * the request's row, so two approvers deciding at once (on one server or two Galera nodes)
     * cannot both win.
     */
    boolean decide(long keyId, String decision, long deciderId, Instant now, @Nullable String reason) {
        return dsl.update(KEY_APPROVAL)
                        .set(KEY_APPROVAL.DECISION, decision)
                        .set(KEY_APPROVAL.DECIDED_AT, now)
                        .set(KEY_APPROVAL.DECIDED_BY, deciderId)
                        .set(KEY_APPROVAL.REASON, reason)
                        .where(KEY_APPROVAL.API_KEY_ID.eq(keyId).and(KEY_APPROVAL.DECIDED_AT.isNull()))
                        .execute()
                == 1;
    }

    /** The key's pending sets work from now on. */
    void activatePending(long keyId) {
        dsl.update(API_KEY_SET)
                .set(API_KEY_SET.STATE, ApiKeyRepository.ACTIVE)
                .where(API_KEY_SET.API_KEY_ID.eq(keyId).and(API_KEY_SET.STATE.eq(ApiKeyRepository.PENDING)))
                .execute();
    }

    /** The key's pending sets are taken off it; returns how many sets it still unlocks. */
    int removePending(long keyId) {
        dsl.deleteFrom(API_KEY_SET)
                .where(API_KEY_SET.API_KEY_ID.eq(keyId).and(API_KEY_SET.STATE.eq(ApiKeyRepository.PENDING)))
                .execute();
        return dsl.fetchCount(API_KEY_SET, API_KEY_SET.API_KEY_ID.eq(keyId));
    }
}
