package com.keyward.user;

import static com.keyward.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.when;

import com.keyward.db.DbTime;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<SignInAccount> findSignInAccount(String username) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.PASSWORD_HASH,
                        APP_USER.STATUS, APP_USER.ACCOUNT_EXPIRES_AT)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(r -> new SignInAccount(r.value1(), r.value2(), r.value3(), r.value4(),
                        UserStatus.valueOf(r.value5()), DbTime.fromDb(r.value6())));
    }

    /**
     * Counts a failed sign-in and locks an enabled account that reaches the threshold, in one
     * statement so that concurrent attempts cannot slip past it.
     *
     * @return true when this failure locked the account
     */
    public boolean recordFailedSignIn(String username, int lockThreshold) {
        // MariaDB applies SET assignments left to right: status must be decided on the old count.
        int locked = dsl.update(APP_USER)
                .set(APP_USER.STATUS, when(APP_USER.STATUS.eq(UserStatus.ENABLED.name())
                                .and(APP_USER.FAILED_SIGN_INS.plus(1).ge(lockThreshold)), UserStatus.LOCKED.name())
                        .otherwise(APP_USER.STATUS))
                .set(APP_USER.FAILED_SIGN_INS, APP_USER.FAILED_SIGN_INS.plus(1))
                .where(APP_USER.USERNAME.eq(username))
                .execute();
        return locked > 0 && dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username)
                .and(APP_USER.STATUS.eq(UserStatus.LOCKED.name()))
                .and(APP_USER.FAILED_SIGN_INS.eq(lockThreshold)));
    }

    public void recordSuccessfulSignIn(long userId, Instant at) {
        dsl.update(APP_USER)
                .set(APP_USER.FAILED_SIGN_INS, 0)
                .set(APP_USER.LAST_SIGN_IN_AT, DbTime.toDb(at))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    public long insert(NewUser user, Instant createdAt) {
        return dsl.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.STATUS,
                        APP_USER.ACCOUNT_EXPIRES_AT, APP_USER.PASSWORD_HASH, APP_USER.CREATED_AT)
                .values(user.username(), user.displayName(), user.email(), user.status().name(),
                        DbTime.toDb(user.accountExpiresAt()), user.passwordHash(), DbTime.toDb(createdAt))
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    public Optional<Long> findIdByUsername(String username) {
        return dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchOptional(APP_USER.ID);
    }

    public long count() {
        return dsl.fetchCount(APP_USER);
    }

    public int failedSignIns(String username) {
        return dsl.select(APP_USER.FAILED_SIGN_INS).from(APP_USER).where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.FAILED_SIGN_INS).orElse(0);
    }
}
