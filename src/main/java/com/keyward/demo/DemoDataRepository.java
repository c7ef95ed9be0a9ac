package com.keyward.demo;

import static com.keyward.db.jooq.Tables.APP_USER;
import static com.keyward.db.jooq.Tables.ROLE;
import static com.keyward.db.jooq.Tables.ROLE_AUTHORITY;
import static com.keyward.db.jooq.Tables.USER_ROLE;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Demo data, written straight into the tables of the user and role modules: seed rows for a
 * demonstration, not an application flow (the one place outside its owner that writes them).
 * Bulk users are generated inside MariaDB from its sequence engine ({@code seq_1_to_N}): a
 * million rows take seconds instead of a million round trips.
 */
@Repository
class DemoDataRepository {

    static final String SYNTHETIC_PREFIX = "user";

    private final DSLContext dsl;

    DemoDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean userExists(String username) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
    }

    Optional<Long> roleId(String name) {
        return dsl.select(ROLE.ID).from(ROLE).where(ROLE.NAME.eq(name)).fetchOptional(ROLE.ID);
    }

    long insertRole(String name, String description, List<String> authorityCodes, Instant now) {
        long id = dsl.insertInto(ROLE, ROLE.NAME, ROLE.DESCRIPTION, ROLE.BUILT_IN, ROLE.CREATED_AT)
                .values(name, description, false, now)
                .returning(ROLE.ID)
                .fetchSingle(ROLE.ID);
        authorityCodes.forEach(
                code -> dsl.insertInto(ROLE_AUTHORITY, ROLE_AUTHORITY.ROLE_ID, ROLE_AUTHORITY.AUTHORITY_CODE)
                        .values(id, code)
                        .execute());
        return id;
    }

    /** A persona who can sign in with the given password hash, holding one role. */
    void insertPersona(
            String username, String displayName, String status, String passwordHash, long roleId, Instant now) {
        long id = dsl.insertInto(
                        APP_USER,
                        APP_USER.USERNAME,
                        APP_USER.DISPLAY_NAME,
                        APP_USER.EMAIL,
                        APP_USER.STATUS,
                        APP_USER.PASSWORD_HASH,
                        APP_USER.CREATED_AT)
                .values(username, displayName, username + "@keyward.example", status, passwordHash, now)
                .returning(APP_USER.ID)
                .fetchSingle(APP_USER.ID);
        dsl.insertInto(USER_ROLE, USER_ROLE.USER_ID, USER_ROLE.ROLE_ID)
                .values(id, roleId)
                .execute();
    }

    /**
     * The highest number N of the synthetic users {@code userNNNNNNN} present, 0 when none. The
     * numbers are zero-padded, so the last one in username order is the highest: one index probe,
     * not a scan, on every start.
     */
    int highestSyntheticNumber() {
        String last = dsl.select(APP_USER.USERNAME)
                .from(APP_USER)
                .where(APP_USER.USERNAME.between(SYNTHETIC_PREFIX + "0000000", SYNTHETIC_PREFIX + "9999999"))
                .and(APP_USER.USERNAME.likeRegex("^" + SYNTHETIC_PREFIX + "[0-9]{7}$"))
                .orderBy(APP_USER.USERNAME.desc())
                .limit(1)
                .fetchOne(APP_USER.USERNAME);
        return last == null ? 0 : Integer.parseInt(last.substring(SYNTHETIC_PREFIX.length()));
    }

    /**
     * Inserts synthetic users number {@code from}..{@code to}: varied names (non-ASCII included),
     * statuses, creation and sign-in dates; they have no password and cannot sign in. Every tenth
     * holds the given role.
     */
    void insertSynthetic(int from, int to, long roleId) {
        if (from > to) {
            return;
        }
        // from/to are ints, not text: the table name cannot carry anything but digits
        String seq = "seq_" + from + "_to_" + to;
        dsl.execute("""
                INSERT INTO app_user (username, display_name, email, status, password_hash, created_at, last_sign_in_at)
                SELECT CONCAT('user', LPAD(seq, 7, '0')),
                       CONCAT(ELT(1 + seq % 16, 'Anna', 'Björn', 'Chloé', 'Dmitri', 'Émile', 'Fatima', 'Grzegorz',
                                  'Hana', 'Ines', 'José', 'Kai', 'Łucja', 'Mia', 'Noah', 'Øyvind', 'Zoë'),
                              ' ',
                              ELT(1 + (seq DIV 16) % 17, 'Andersson', 'Brown', 'Çelik', 'Dubois', 'Eriksen',
                                  'García', 'Hoffmann', 'Ito', 'Jensen', 'Kowalski', 'Müller', 'Nguyen', 'O''Brien',
                                  'Petrović', 'Rossi', 'Søndergaard', 'Yılmaz')),
                       CONCAT('user', LPAD(seq, 7, '0'), '@example.com'),
                       CASE WHEN seq % 53 = 0 THEN 'DISABLED' WHEN seq % 97 = 0 THEN 'LOCKED' ELSE 'ENABLED' END,
                       NULL,
                       UTC_TIMESTAMP(6) - INTERVAL (seq % 1500) DAY - INTERVAL (seq % 86400) SECOND,
                       CASE WHEN seq % 7 = 0 THEN NULL
                            ELSE UTC_TIMESTAMP(6) - INTERVAL (seq % 90) DAY - INTERVAL (seq % 3600) SECOND END
                FROM {seq}
                """.replace("{seq}", seq));
        dsl.execute("""
                INSERT INTO user_role (user_id, role_id)
                SELECT u.id, ? FROM app_user u
                JOIN {seq} s ON u.username = CONCAT('user', LPAD(s.seq, 7, '0'))
                WHERE s.seq % 10 = 0
                """.replace("{seq}", seq), roleId);
    }
}
