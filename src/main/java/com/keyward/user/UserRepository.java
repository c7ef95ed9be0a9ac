package com.keyward.user;

import static com.keyward.db.StartsWith.startsWith;
import static com.keyward.db.jooq.Tables.APP_USER;
import static com.keyward.db.jooq.Tables.ROLE;
import static com.keyward.db.jooq.Tables.USER_ROLE;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.when;

import com.keyward.db.EnumColumns;
import com.keyward.db.RowCount;
import com.keyward.db.SparseIndex;
import com.keyward.db.SparseIndexes;
import com.keyward.validation.Usernames;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record6;
import org.jooq.Records;
import org.jooq.SelectSelectStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final Field<UserStatus> STATUS = EnumColumns.typed(APP_USER.STATUS, UserStatus.class);
    private static final Field<AccountSource> SOURCE = EnumColumns.typed(APP_USER.SOURCE, AccountSource.class);

    private final DSLContext dsl;

    /** Every user in username order: the unfiltered grid at any depth (BENCHMARKS.md). */
    private final SparseIndex byUsername;

    public UserRepository(DSLContext dsl, SparseIndexes indexes) {
        this.dsl = dsl;
        this.byUsername = indexes.of("users", APP_USER, APP_USER.ID, List.of(APP_USER.USERNAME));
    }

    /**
     * The account of this username: the one whose key ({@link Usernames#key}) is the name's,
     * compared byte for byte. Every look-up by name goes through here.
     */
    private static Condition named(String username) {
        return APP_USER.USERNAME_KEY.eq(Usernames.key(username));
    }

    public Optional<SignInAccount> findSignInAccount(String username) {
        return dsl.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.PASSWORD_HASH,
                        APP_USER.CREDENTIALS_VERSION,
                        STATUS,
                        APP_USER.ACCOUNT_EXPIRES_AT,
                        APP_USER.LOCKED_UNTIL)
                .from(APP_USER)
                .where(named(username))
                .fetchOptional(Records.mapping(SignInAccount::new));
    }

    /** The sign-in bookkeeping of an account, row-locked until the transaction ends. */
    public Optional<LockState> lockStateForUpdate(String username) {
        return selectLockState()
                .from(APP_USER)
                .where(named(username))
                .forUpdate()
                .fetchOptional(Records.mapping(LockState::new));
    }

    private SelectSelectStep<Record6<Long, String, UserStatus, Integer, Integer, Instant>> selectLockState() {
        return dsl.select(
                APP_USER.ID,
                APP_USER.USERNAME,
                STATUS,
                APP_USER.FAILED_SIGN_INS,
                APP_USER.LOCK_COUNT,
                APP_USER.LOCKED_UNTIL);
    }

    /** What failed sign-ins have done to an account so far. */
    public record LockState(
            long id, String username, UserStatus status, int failedSignIns, int lockCount, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return status == UserStatus.LOCKED && lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public void lock(long userId, int failed, int lockCount, Instant until) {
        dsl.update(APP_USER)
                .set(STATUS, UserStatus.LOCKED)
                .set(APP_USER.FAILED_SIGN_INS, failed)
                .set(APP_USER.LOCK_COUNT, lockCount)
                .set(APP_USER.LOCKED_UNTIL, until)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Accounts whose lock has run out, row-locked: the sweep unlocks and audits each once. */
    public List<LockState> expiredLocksForUpdate(Instant now) {
        return selectLockState()
                .from(APP_USER)
                .where(APP_USER.LOCKED_UNTIL.le(now).and(STATUS.eq(UserStatus.LOCKED)))
                .limit(500)
                .forUpdate()
                .fetch(Records.mapping(LockState::new));
    }

    /** Ends a lock (it ran out, an administrator or the host's recover-admin lifted it). */
    public void endLock(long userId) {
        dsl.update(APP_USER)
                .set(STATUS, UserStatus.ENABLED)
                .set(APP_USER.FAILED_SIGN_INS, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.ID.eq(userId).and(STATUS.eq(UserStatus.LOCKED)))
                .execute();
    }

    /** A successful sign-in forgets failures and past locks (a lock that ran out ends here too). */
    public void recordSuccessfulSignIn(long userId, Instant at) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_SIGN_INS, 0)
                .set(APP_USER.LOCK_COUNT, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .set(
                        STATUS,
                        when(STATUS.eq(UserStatus.LOCKED), DSL.val(UserStatus.ENABLED, STATUS))
                                .otherwise(STATUS))
                .set(APP_USER.LAST_SIGN_IN_AT, at)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    public long insert(NewUser user, Instant createdAt) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, user.username())
                .set(APP_USER.USERNAME_KEY, Usernames.key(user.username()))
                .set(APP_USER.DISPLAY_NAME, user.displayName())
                .set(APP_USER.EMAIL, user.email())
                .set(SOURCE, AccountSource.LOCAL)
                .set(STATUS, user.status())
                .set(APP_USER.ACCOUNT_EXPIRES_AT, user.accountExpiresAt())
                .set(APP_USER.PASSWORD_HASH, user.passwordHash())
                .set(APP_USER.CREATED_AT, createdAt)
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    /** A directory or SSO account, with no Keyward password, bound to its identity there. */
    public long insertExternal(AccountSource source, ExternalPerson person, Instant now) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, person.username())
                .set(APP_USER.USERNAME_KEY, Usernames.key(person.username()))
                .set(APP_USER.EXTERNAL_ISSUER, person.issuer())
                .set(APP_USER.EXTERNAL_ID, person.externalId())
                .set(APP_USER.DISPLAY_NAME, person.displayName())
                .set(APP_USER.EMAIL, person.email())
                .set(SOURCE, source)
                .set(STATUS, UserStatus.ENABLED)
                .set(APP_USER.CREATED_AT, now)
                .set(APP_USER.DIRECTORY_SYNCED_AT, source == AccountSource.DIRECTORY ? now : null)
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
    }

    /** Name and email as the directory (or SSO provider) has them, and when the directory was asked. */
    public void refreshFromDirectory(long userId, String displayName, String email, @Nullable Instant syncedAt) {
        var update =
                dsl.update(APP_USER).set(APP_USER.DISPLAY_NAME, displayName).set(APP_USER.EMAIL, email);
        if (syncedAt != null) {
            update = update.set(APP_USER.DIRECTORY_SYNCED_AT, syncedAt);
        }
        update.where(APP_USER.ID.eq(userId)).execute();
    }

    public void markSynced(long userId, Instant at) {
        dsl.update(APP_USER)
                .set(APP_USER.DIRECTORY_SYNCED_AT, at)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Binds an external account to its identity (a one-time step for accounts made before bindings). */
    public void bind(long userId, AccountSource source, String issuer, String externalId) {
        dsl.update(APP_USER)
                .set(SOURCE, source)
                .set(APP_USER.EXTERNAL_ISSUER, issuer)
                .set(APP_USER.EXTERNAL_ID, externalId)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** A new handle for an account (a leaver's, releasing the name); its key follows. */
    public void rename(long userId, String username) {
        dsl.update(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.USERNAME_KEY, Usernames.key(username))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** The account bound to this identity, its row claimed until the transaction ends (see {@link #claim}). */
    public Optional<UserAccountRecord> findBoundForUpdate(String issuer, String externalId) {
        Condition which = APP_USER.EXTERNAL_ISSUER.eq(issuer).and(APP_USER.EXTERNAL_ID.eq(externalId));
        claim(which);
        return findAccount(which);
    }

    /** External accounts whose username is not plain ASCII: their key may need more than LOWER (V20). */
    public List<UsernameKeys.Stored> nonAsciiExternalKeys() {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.USERNAME_KEY)
                .from(APP_USER)
                .where(SOURCE.ne(AccountSource.LOCAL)
                        .and(DSL.length(APP_USER.USERNAME).ne(DSL.charLength(APP_USER.USERNAME))))
                .fetch(Records.mapping(UsernameKeys.Stored::new));
    }

    public void setUsernameKey(long userId, String key) {
        dsl.update(APP_USER)
                .set(APP_USER.USERNAME_KEY, key)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** Directory accounts after this id, by id: the sync pages through them. */
    public List<ExternalAccounts.Ref> findExternalAccounts(long afterId, int limit) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.EXTERNAL_ID)
                .from(APP_USER)
                .where(SOURCE.eq(AccountSource.DIRECTORY).and(APP_USER.ID.gt(afterId)))
                .orderBy(APP_USER.ID)
                .limit(limit)
                .fetch(Records.mapping(ExternalAccounts.Ref::new));
    }

    public Optional<Instant> directorySyncedAt(long userId) {
        return valueOf(userId, APP_USER.DIRECTORY_SYNCED_AT);
    }

    /** One nullable column of one account: empty for no account, or no value. */
    private <T> Optional<T> valueOf(long userId, Field<T> column) {
        return dsl.select(column)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(column)
                .filter(java.util.Objects::nonNull);
    }

    public Optional<Long> findIdByUsername(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(named(username)).fetchOptional(APP_USER.ID);
    }

    public Optional<String> colorScheme(long userId) {
        return valueOf(userId, APP_USER.COLOR_SCHEME);
    }

    public void setColorScheme(long userId, @Nullable String scheme) {
        setValue(userId, APP_USER.COLOR_SCHEME, scheme);
    }

    public Optional<String> language(long userId) {
        return valueOf(userId, APP_USER.LANGUAGE);
    }

    public void setLanguage(long userId, @Nullable String language) {
        setValue(userId, APP_USER.LANGUAGE, language);
    }

    /** One of a person's own settings (colour scheme, language); null clears it. */
    private <T> void setValue(long userId, Field<T> column, @Nullable T value) {
        dsl.update(APP_USER).set(column, value).where(APP_USER.ID.eq(userId)).execute();
    }

    /** Builds the paging index's marks now, in this thread (benchmarks, after seeding). */
    void rebuildPagingIndex() {
        byUsername.rebuild();
    }

    public long count(UserFilter filter) {
        if (filter.isEmpty()) {
            OptionalLong total = byUsername.total();
            if (total.isPresent()) {
                return total.getAsLong();
            }
        }
        return dsl.fetchCount(APP_USER, condition(filter));
    }

    /** The count at once: exact when cheap, otherwise MariaDB's estimate (see {@link RowCount#quick}). */
    public RowCount quickCount(UserFilter filter) {
        if (filter.isEmpty()) {
            OptionalLong total = byUsername.total();
            if (total.isPresent()) {
                return RowCount.exact(total.getAsLong());
            }
        }
        return RowCount.quick(dsl, APP_USER, condition(filter), () -> dsl.fetchCount(APP_USER, condition(filter)));
    }

    /**
     * One page of the grid, paged and sorted in SQL.
     *
     * <p>Deep pages stay cheap. Unfiltered in username order, any page seeks from the nearest mark of
     * a sparse index. Otherwise the page's ids are found first on the covering index of the sort
     * column (a deferred join: the offset walks index entries, not rows), and a page in the second
     * half of the result is read from the other end, so its offset is small. {@code total} is the
     * number of matching users, which the grid knows from its count, or -1 while it is being counted.
     */
    public List<UserRow> findPage(
            UserFilter filter, UserSort sort, boolean ascending, int offset, int limit, long total) {
        if (filter.isEmpty() && sort == UserSort.USERNAME) {
            Optional<SparseIndex.Window> window = byUsername.window(offset, limit, ascending);
            if (window.isPresent()) {
                SparseIndex.Window at = window.get();
                return at.arrange(findPage(at.from(), sort, true, at.offset(), at.limit()));
            }
        }
        // a total below zero is not known yet: then every page is read from the start
        boolean fromEnd = total >= 0 && offset > total / 2;
        int effectiveOffset = fromEnd ? (int) Math.max(0, total - offset - limit) : offset;
        int effectiveLimit = fromEnd ? (int) Math.min(limit, Math.max(0, total - offset)) : limit;
        if (effectiveLimit <= 0) {
            return List.of();
        }
        List<UserRow> rows = findPage(condition(filter), sort, ascending != fromEnd, effectiveOffset, effectiveLimit);
        if (fromEnd) {
            rows = new ArrayList<>(rows);
            Collections.reverse(rows);
        }
        return rows;
    }

    /** The page's ids first on the covering index of the sort column, then their rows. */
    private List<UserRow> findPage(Condition where, UserSort sort, boolean ascending, int offset, int limit) {
        Table<Record1<Long>> ids = select(APP_USER.ID)
                .from(APP_USER)
                .where(where)
                .orderBy(order(sort, ascending))
                .limit(limit)
                .offset(offset)
                .asTable("page_ids");
        Field<Long> pageId = ids.field(APP_USER.ID);
        return dsl.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        SOURCE,
                        roleNames(),
                        STATUS,
                        APP_USER.LAST_SIGN_IN_AT)
                .from(APP_USER)
                .join(ids)
                .on(pageId.eq(APP_USER.ID))
                .orderBy(order(sort, ascending))
                .fetch(Records.mapping(UserRow::new));
    }

    public Optional<UserAccountRecord> findAccount(String username) {
        return findAccount(named(username));
    }

    public Optional<UserAccountRecord> findAccountById(long id) {
        return findAccount(APP_USER.ID.eq(id));
    }

    /** The account by username, its row claimed until the transaction ends (see {@link #claim}). */
    public Optional<UserAccountRecord> findAccountForUpdate(String username) {
        Condition which = named(username);
        claim(which);
        return findAccount(which);
    }

    /**
     * Claims an account's row for the rest of the transaction: one change at a time per person.
     * It writes the row (its counter of changes) rather than only locking it with SELECT ... FOR
     * UPDATE: on a Galera cluster such a lock holds on one node only, while two writes of one row
     * on two nodes conflict at commit, and the second is tried again ({@link
     * com.keyward.db.RetriedOnConflict}). On one server the write takes the same row lock. The
     * first statement of a transaction, it also makes the reads after it current.
     */
    private void claim(Condition which) {
        dsl.update(APP_USER)
                .set(APP_USER.CHANGES, APP_USER.CHANGES.plus(1))
                .where(which)
                .execute();
    }

    private Optional<UserAccountRecord> findAccount(Condition which) {
        var query = dsl.select(
                        APP_USER.ID,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        SOURCE,
                        STATUS,
                        APP_USER.ACCOUNT_EXPIRES_AT,
                        APP_USER.CREATED_AT,
                        APP_USER.LAST_SIGN_IN_AT,
                        APP_USER.PASSWORD_HASH.isNotNull(),
                        APP_USER.EXTERNAL_ISSUER,
                        APP_USER.EXTERNAL_ID)
                .from(APP_USER)
                .where(which);
        return query.fetchOptional(Records.mapping(UserAccountRecord::new));
    }

    /** An account's own columns; roles and authorities come from the role repositories. */
    public record UserAccountRecord(
            long id,
            String username,
            String displayName,
            String email,
            AccountSource source,
            UserStatus status,
            @Nullable Instant accountExpiresAt,
            Instant createdAt,
            @Nullable Instant lastSignInAt,
            boolean hasPassword,
            @Nullable String externalIssuer,
            @Nullable String externalId) {

        /** Whether the account is bound to this identity. */
        public boolean boundTo(String issuer, String id) {
            return issuer.equals(externalIssuer) && id.equals(externalId);
        }
    }

    private static Field<String> roleNames() {
        return DSL.field(select(DSL.groupConcat(ROLE.NAME).orderBy(ROLE.NAME).separator(", "))
                .from(USER_ROLE)
                .join(ROLE)
                .on(ROLE.ID.eq(USER_ROLE.ROLE_ID))
                .where(USER_ROLE.USER_ID.eq(APP_USER.ID)));
    }

    private static Condition condition(UserFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.text() != null) {
            // prefix matches can use the indexes; the column collation makes them case-insensitive
            condition = condition.and(startsWith(APP_USER.USERNAME, filter.text())
                    .or(startsWith(APP_USER.DISPLAY_NAME, filter.text()))
                    .or(startsWith(APP_USER.EMAIL, filter.text())));
        }
        if (filter.status() != null) {
            condition = condition.and(STATUS.eq(filter.status()));
        }
        if (filter.source() != null) {
            condition = condition.and(SOURCE.eq(filter.source()));
        }
        if (filter.notSignedInSince() != null) {
            condition = condition.and(
                    APP_USER.LAST_SIGN_IN_AT.isNull().or(APP_USER.LAST_SIGN_IN_AT.lt(filter.notSignedInSince())));
        }
        return condition;
    }

    private static List<SortField<?>> order(UserSort sort, boolean ascending) {
        Field<?> column = switch (sort) {
            case USERNAME -> APP_USER.USERNAME;
            case NAME -> APP_USER.DISPLAY_NAME;
            case EMAIL -> APP_USER.EMAIL;
            case ROLES -> roleNames();
            case STATUS -> APP_USER.STATUS;
            case LAST_SIGN_IN -> APP_USER.LAST_SIGN_IN_AT;
        };
        if (sort == UserSort.USERNAME) {
            // unique already; an id tie-breaker would keep MariaDB off the unique index (filesort)
            return List.of(ascending ? column.asc() : column.desc());
        }
        return ascending ? List.of(column.asc(), APP_USER.ID.asc()) : List.of(column.desc(), APP_USER.ID.desc());
    }

    public void setStatus(long userId, UserStatus status) {
        dsl.update(APP_USER)
                .set(STATUS, status)
                .set(APP_USER.FAILED_SIGN_INS, 0)
                .set(APP_USER.LOCK_COUNT, 0)
                .setNull(APP_USER.LOCKED_UNTIL)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /** The account, its row claimed until the transaction ends (see {@link #claim}). */
    public Optional<UserAccountRecord> findAccountForUpdate(long id) {
        Condition which = APP_USER.ID.eq(id);
        claim(which);
        return findAccount(which);
    }

    public void updateProfile(long userId, String displayName, String email, @Nullable Instant accountExpiresAt) {
        dsl.update(APP_USER)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.ACCOUNT_EXPIRES_AT, accountExpiresAt)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    /**
     * A new password hash, or none ({@code null}: the account cannot sign in until a link sets
     * one). Either way every session signed in before has ended.
     *
     * @return the new credentials version
     */
    public int replacePassword(long userId, @Nullable String passwordHash, Instant at) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.PASSWORD_CHANGED_AT, passwordHash == null ? null : at)
                .set(APP_USER.CREDENTIALS_VERSION, APP_USER.CREDENTIALS_VERSION.plus(1))
                .where(APP_USER.ID.eq(userId))
                .execute();
        return dsl.select(APP_USER.CREDENTIALS_VERSION)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchSingle(APP_USER.CREDENTIALS_VERSION);
    }

    public Optional<String> passwordHash(long userId) {
        return dsl.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.PASSWORD_HASH)
                .filter(java.util.Objects::nonNull);
    }

    /** The keys ({@link Usernames#key}) of these usernames that an account has already. */
    public List<String> existingUsernames(java.util.Collection<String> usernames) {
        return dsl.select(APP_USER.USERNAME_KEY)
                .from(APP_USER)
                .where(APP_USER.USERNAME_KEY.in(
                        usernames.stream().map(Usernames::key).distinct().toList()))
                .fetch(APP_USER.USERNAME_KEY);
    }

    /** How many of these accounts are enabled for good: enabled (so not locked) and never expiring. */
    public int countEnabled(java.util.Collection<Long> userIds) {
        return dsl.fetchCount(
                APP_USER,
                APP_USER.ID.in(userIds).and(STATUS.eq(UserStatus.ENABLED)).and(APP_USER.ACCOUNT_EXPIRES_AT.isNull()));
    }

    public int failedSignIns(String username) {
        return dsl.select(APP_USER.FAILED_SIGN_INS)
                .from(APP_USER)
                .where(named(username))
                .fetchOptional(APP_USER.FAILED_SIGN_INS)
                .orElse(0);
    }

    /** Name and email of an enabled account. */
    public Optional<Contacts.Contact> contactOf(long userId) {
        return dsl.select(APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.LANGUAGE)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId).and(APP_USER.STATUS.eq(UserStatus.ENABLED.name())))
                .fetchOptional(Records.mapping(Contacts.Contact::new));
    }
}
