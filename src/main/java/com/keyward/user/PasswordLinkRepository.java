package com.keyward.user;

import static com.keyward.db.jooq.Tables.PASSWORD_LINK;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** One-time set-password links, by the digest of their token only. */
@Repository
class PasswordLinkRepository {

    private final DSLContext dsl;

    PasswordLinkRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(long userId, byte[] digest, Instant createdAt, Instant expiresAt, @Nullable Long createdBy) {
        dsl.insertInto(PASSWORD_LINK)
                .set(PASSWORD_LINK.USER_ID, userId)
                .set(PASSWORD_LINK.DIGEST, digest)
                .set(PASSWORD_LINK.CREATED_AT, createdAt)
                .set(PASSWORD_LINK.EXPIRES_AT, expiresAt)
                .set(PASSWORD_LINK.CREATED_BY, createdBy)
                .execute();
    }

    /** The account a link that has not expired yet belongs to; {@code forUpdate} locks the link. */
    Optional<Long> findUserId(byte[] digest, Instant now, boolean forUpdate) {
        var query = dsl.select(PASSWORD_LINK.USER_ID)
                .from(PASSWORD_LINK)
                .where(PASSWORD_LINK.DIGEST.eq(digest))
                .and(PASSWORD_LINK.EXPIRES_AT.gt(now));
        return (forUpdate ? query.forUpdate() : query).fetchOptional(PASSWORD_LINK.USER_ID);
    }

    /** Every link of this account stops working (one was used, or a new one was issued). */
    void deleteForUser(long userId) {
        dsl.deleteFrom(PASSWORD_LINK).where(PASSWORD_LINK.USER_ID.eq(userId)).execute();
    }

    int deleteExpired(Instant now) {
        return dsl.deleteFrom(PASSWORD_LINK)
                .where(PASSWORD_LINK.EXPIRES_AT.le(now))
                .execute();
    }
}
