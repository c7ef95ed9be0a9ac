package com.keyward.apikey;

import static com.keyward.db.jooq.Tables.API_KEY;
import static com.keyward.db.jooq.Tables.API_KEY_LEAK;
import static com.keyward.db.jooq.Tables.API_KEY_SET;
import static com.keyward.db.jooq.Tables.API_KEY_USAGE_DAY;
import static com.keyward.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.select;

import com.keyward.db.EnumColumns;
import com.keyward.user.UserStatus;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record15;
import org.jooq.Records;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private static final Field<UserStatus> OWNER_STATUS = EnumColumns.typed(APP_USER.STATUS, UserStatus.class);

    private final DSLContext dsl;

    public ApiKeyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Locks the owner's account row until the transaction ends, so that two requests of the same
     * person are checked against the limit one after the other. It writes the row (its counter of
     * changes, V18) rather than only locking it: on a Galera cluster a lock holds on one node only,
     * while two writes of one row on two nodes conflict, and the second transaction is refused and
     * tried again ({@link com.keyward.db.RetriedOnConflict}).
     */
    public void lockOwner(long ownerId) {
        dsl.update(APP_USER)
                .set(APP_USER.CHANGES, APP_USER.CHANGES.plus(1))
                .where(APP_USER.ID.eq(ownerId))
                .execute();
    }

    public int countActive(long ownerId, Instant now) {
        return dsl.fetchCount(API_KEY, API_KEY.OWNER_ID.eq(ownerId).and(active(now)));
    }

    public boolean activeNameExists(long ownerId, String name, Instant now) {
        return dsl.fetchExists(
                API_KEY, API_KEY.OWNER_ID.eq(ownerId).and(API_KEY.NAME.eq(name)).and(active(now)));
    }

    public long insert(
            long ownerId,
            String name,
            @Nullable String description,
            byte[] digest,
            String hint,
            Instant createdAt,
            Instant expiresAt,
            Collection<String> apiSetCodes,
            Collection<String> pendingSetCodes,
            AllowedNetworks networks) {
        long id = dsl.insertInto(
                        API_KEY,
                        API_KEY.OWNER_ID,
                        API_KEY.NAME,
                        API_KEY.DESCRIPTION,
                        API_KEY.KEY_DIGEST,
                        API_KEY.HINT,
                        API_KEY.CREATED_AT,
                        API_KEY.EXPIRES_AT,
                        API_KEY.ALLOWED_NETWORKS)
                .values(ownerId, name, description, digest, hint, createdAt, expiresAt, networks.toStored())
                .returning(API_KEY.ID)
                .fetchOne(API_KEY.ID);
        var sets = dsl.insertInto(API_KEY_SET, API_KEY_SET.API_KEY_ID, API_KEY_SET.API_SET_CODE, API_KEY_SET.STATE);
        for (String code : apiSetCodes) {
            sets = sets.values(id, code, pendingSetCodes.contains(code) ? PENDING : ACTIVE);
        }
        sets.execute();
        return id;
    }

    public Optional<ApiKeyInfo> findById(long id) {
        return selectInfo(dsl).from(API_KEY).where(API_KEY.ID.eq(id)).fetchOptional(Records.mapping(ApiKeyInfo::new));
    }

    public int countByOwner(long ownerId) {
        return countByOwner(ownerId, null, Instant.EPOCH);
    }

    /** An owner's keys in one status (all of them for null), counted. */
    public int countByOwner(long ownerId, @Nullable ApiKeyStatus status, Instant now) {
        return dsl.fetchCount(API_KEY, ofOwner(ownerId, status, now));
    }

    /** An owner's keys in one status (all of them for null), newest first, paged. */
    public List<ApiKeyInfo> findByOwner(
            long ownerId, @Nullable ApiKeyStatus status, Instant now, int offset, int limit) {
        return selectInfo(dsl)
                .from(API_KEY)
                .where(ofOwner(ownerId, status, now))
                .orderBy(API_KEY.CREATED_AT.desc(), API_KEY.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(Records.mapping(ApiKeyInfo::new));
    }

    private static Condition ofOwner(long ownerId, @Nullable ApiKeyStatus status, Instant now) {
        Condition owner = API_KEY.OWNER_ID.eq(ownerId);
        if (status == null) {
            return owner;
        }
        return owner.and(
                switch (status) {
                    case ACTIVE -> API_KEY.REVOKED_AT.isNull().and(API_KEY.EXPIRES_AT.gt(now));
                    case EXPIRED -> API_KEY.REVOKED_AT.isNull().and(API_KEY.EXPIRES_AT.le(now));
                    case REVOKED -> API_KEY.REVOKED_AT.isNotNull();
                });
    }

    /** An owner's keys, newest first, paged. */
    public List<ApiKeyInfo> findByOwner(long ownerId, int offset, int limit) {
        // every status: the moment does not matter
        return findByOwner(ownerId, null, Instant.EPOCH, offset, limit);
    }

    /** The keys of this owner not revoked yet (expired ones too: a revoked key says so for good). */
    public List<ApiKeyInfo> findUnrevoked(long ownerId) {
        return selectInfo(dsl)
                .from(API_KEY)
                .where(API_KEY.OWNER_ID.eq(ownerId).and(API_KEY.REVOKED_AT.isNull()))
                .fetch(Records.mapping(ApiKeyInfo::new));
    }

    /** The new key of a roll names the key it replaces. */
    public void markReplaces(long newKeyId, long oldKeyId) {
        dsl.update(API_KEY)
                .set(API_KEY.REPLACES_ID, oldKeyId)
                .where(API_KEY.ID.eq(newKeyId))
                .execute();
    }

    /**
     * The old key of a roll: names its successor, works until {@code until} at the latest; false
     * when it was revoked or rolled meanwhile.
     */
    public boolean markRolled(long oldKeyId, long newKeyId, Instant until) {
        return dsl.update(API_KEY)
                        .set(API_KEY.ROLLED_TO_ID, newKeyId)
                        .set(API_KEY.EXPIRES_AT, DSL.least(API_KEY.EXPIRES_AT, DSL.val(until, API_KEY.EXPIRES_AT)))
                        .where(API_KEY.ID
                                .eq(oldKeyId)
                                .and(API_KEY.REVOKED_AT.isNull())
                                .and(API_KEY.ROLLED_TO_ID.isNull()))
                        .execute()
                == 1;
    }

    /** Moves a key's expiry (for tests that let time pass). */
    void endAt(long keyId, Instant at) {
        dsl.update(API_KEY)
                .set(API_KEY.EXPIRES_AT, at)
                .where(API_KEY.ID.eq(keyId))
                .execute();
    }

    /** Revokes the key; false when it was already revoked. {@code revokedBy} null: by Keyward (a leak report). */
    public boolean revoke(long id, @Nullable Long revokedBy, Instant at) {
        return dsl.update(API_KEY)
                        .set(API_KEY.REVOKED_AT, at)
                        .set(API_KEY.REVOKED_BY, revokedBy)
                        .where(API_KEY.ID.eq(id).and(API_KEY.REVOKED_AT.isNull()))
                        .execute()
                == 1;
    }

    /** Where a leak report found a key (never the key: the reporter's url, type and source). */
    public void recordLeak(
            long keyId, Instant at, @Nullable String type, @Nullable String url, @Nullable String source) {
        dsl.insertInto(API_KEY_LEAK)
                .set(API_KEY_LEAK.API_KEY_ID, keyId)
                .set(API_KEY_LEAK.REPORTED_AT, at)
                .set(API_KEY_LEAK.TYPE, type)
                .set(API_KEY_LEAK.URL, url)
                .set(API_KEY_LEAK.SOURCE, source)
                .execute();
    }

    /** The key with this digest and its owner's account state; the owner's authorities come separately. */
    public Optional<ApiKeyCredential> findCredential(byte[] digest) {
        return dsl.select(
                        API_KEY.ID,
                        API_KEY.EXPIRES_AT,
                        API_KEY.REVOKED_AT,
                        setCodes(),
                        pendingSetCodes(),
                        API_KEY.OWNER_ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        OWNER_STATUS,
                        APP_USER.LOCKED_UNTIL,
                        APP_USER.ACCOUNT_EXPIRES_AT,
                        API_KEY.ALLOWED_NETWORKS,
                        API_KEY.CREATED_AT,
                        API_KEY.HINT)
                .from(API_KEY)
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_KEY.OWNER_ID))
                .where(API_KEY.KEY_DIGEST.eq(digest))
                .fetchOptional(Records.mapping(
                        (id,
                                expires,
                                revoked,
                                sets,
                                pending,
                                owner,
                                username,
                                name,
                                status,
                                lockedUntil,
                                ownerExpires,
                                networks,
                                created,
                                hint) -> new ApiKeyCredential(
                                id,
                                expires,
                                revoked,
                                Set.copyOf(sets),
                                Set.copyOf(pending),
                                owner,
                                username,
                                name,
                                status,
                                lockedUntil,
                                ownerExpires,
                                Set.of(),
                                AllowedNetworks.stored(networks),
                                created,
                                hint)));
    }

    /** Writes the last use of each key, never moving a later one back. */
    public void recordLastUse(long keyId, Instant at, String address) {
        dsl.update(API_KEY)
                .set(API_KEY.LAST_USED_AT, at)
                .set(API_KEY.LAST_USED_IP, address)
                .where(API_KEY.ID.eq(keyId).and(API_KEY.LAST_USED_AT.isNull().or(API_KEY.LAST_USED_AT.lt(at))))
                .execute();
    }

    /** Adds the counted calls to each key's day, in one statement (rows of deleted keys are skipped). */
    public void addUsage(Collection<ApiKeyUsageRecorder.DayCounts> days) {
        var insert = dsl.insertInto(
                API_KEY_USAGE_DAY,
                API_KEY_USAGE_DAY.API_KEY_ID,
                API_KEY_USAGE_DAY.DAY,
                API_KEY_USAGE_DAY.CALLS,
                API_KEY_USAGE_DAY.REFUSED_401,
                API_KEY_USAGE_DAY.REFUSED_403);
        for (ApiKeyUsageRecorder.DayCounts day : days) {
            insert = insert.values(day.keyId(), day.day(), day.calls(), day.refused401(), day.refused403());
        }
        insert.onDuplicateKeyUpdate()
                .set(API_KEY_USAGE_DAY.CALLS, API_KEY_USAGE_DAY.CALLS.plus(DSL.excluded(API_KEY_USAGE_DAY.CALLS)))
                .set(
                        API_KEY_USAGE_DAY.REFUSED_401,
                        API_KEY_USAGE_DAY.REFUSED_401.plus(DSL.excluded(API_KEY_USAGE_DAY.REFUSED_401)))
                .set(
                        API_KEY_USAGE_DAY.REFUSED_403,
                        API_KEY_USAGE_DAY.REFUSED_403.plus(DSL.excluded(API_KEY_USAGE_DAY.REFUSED_403)))
                .execute();
    }

    /** A key's stored days from {@code from} on (days without calls have no row). */
    public List<ApiKeyUsage.Day> usageSince(long keyId, LocalDate from) {
        return dsl.select(
                        API_KEY_USAGE_DAY.DAY,
                        API_KEY_USAGE_DAY.CALLS,
                        API_KEY_USAGE_DAY.REFUSED_401,
                        API_KEY_USAGE_DAY.REFUSED_403)
                .from(API_KEY_USAGE_DAY)
                .where(API_KEY_USAGE_DAY.API_KEY_ID.eq(keyId).and(API_KEY_USAGE_DAY.DAY.ge(from)))
                .orderBy(API_KEY_USAGE_DAY.DAY)
                .fetch(Records.mapping(ApiKeyUsage.Day::new));
    }

    public String ownerUsername(long ownerId) {
        return dsl.select(APP_USER.USERNAME)
                .from(APP_USER)
                .where(APP_USER.ID.eq(ownerId))
                .fetchOne(APP_USER.USERNAME);
    }

    private static Condition active(Instant now) {
        return API_KEY.REVOKED_AT.isNull().and(API_KEY.EXPIRES_AT.gt(now));
    }

    /** A set the key unlocks. */
    static final String ACTIVE = "ACTIVE";

    /** A set that needs an approver, which the key does not unlock yet. */
    static final String PENDING = "PENDING";

    /**
     * The API-set codes a key unlocks, alphabetical, as a list (one nested query, no string
     * splitting). Sets awaiting approval are not among them: see {@link #pendingSetCodes}.
     */
    static Field<List<String>> setCodes() {
        return setCodes(ACTIVE);
    }

    /** The API-set codes of a key that await an approver's decision. */
    static Field<List<String>> pendingSetCodes() {
        return setCodes(PENDING);
    }

    private static Field<List<String>> setCodes(String state) {
        return DSL.multiset(select(API_KEY_SET.API_SET_CODE)
                        .from(API_KEY_SET)
                        .where(API_KEY_SET.API_KEY_ID.eq(API_KEY.ID).and(API_KEY_SET.STATE.eq(state)))
                        .orderBy(API_KEY_SET.API_SET_CODE))
                .convertFrom(codes -> codes.map(Record1::value1));
    }

    private static SelectSelectStep<
                    Record15<
                            Long,
                            Long,
                            String,
                            String,
                            List<String>,
                            List<String>,
                            String,
                            Instant,
                            Instant,
                            Instant,
                            Instant,
                            String,
                            Long,
                            Long,
                            String>>
            selectInfo(DSLContext dsl) {
        return dsl.select(
                API_KEY.ID,
                API_KEY.OWNER_ID,
                API_KEY.NAME,
                API_KEY.DESCRIPTION,
                setCodes(),
                pendingSetCodes(),
                API_KEY.HINT,
                API_KEY.CREATED_AT,
                API_KEY.EXPIRES_AT,
                API_KEY.REVOKED_AT,
                API_KEY.LAST_USED_AT,
                API_KEY.LAST_USED_IP,
                API_KEY.REPLACES_ID,
                API_KEY.ROLLED_TO_ID,
                API_KEY.ALLOWED_NETWORKS);
    }
}
