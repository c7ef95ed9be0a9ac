-- An account is bound to where it comes from, and its username is a handle (issue 30).
--
-- username_key: com.keyward.validation.Usernames.key(username) (Unicode NFKC_Casefold, no accent
-- folding), compared byte for byte (utf8mb4_bin). It is the unique key and what every look-up by
-- name uses: "ALICE" and full-width "ａｌｉｃｅ" are alice, "álice" is not.
-- MariaDB has no NFKC function, so the back-fill is LOWER(username). That is exact for every local
-- account (their usernames are ASCII: AccountRules) and for most external ones; Keyward re-keys
-- the few non-ASCII directory and SSO accounts at its next start (UsernameKeys), before anyone
-- signs in. The same LOWER(username) is the column's default, so a row written by SQL that names
-- no key (demo data, tests) still gets the right one for an ASCII name.
--
-- username keeps its own unique key (the grid's paging index needs a unique sort column), now
-- accent-sensitive and case-insensitive (UCA 14 as_ci; MariaDB 10.10+): unicode_ci folded
-- accents, which made "álice" the same row as "alice".
--
-- external_issuer + external_id: the identity an SSO or directory account is bound to, unique:
-- SSO (the ID token's iss, sub); directory ('directory', the entry's entryUUID or objectGUID, or
-- its DN where the server has neither). NULL for local accounts, and for external accounts made
-- before this migration until their next sign-in or sync binds them (by their username, once).
ALTER TABLE app_user
    MODIFY COLUMN username VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_as_ci NOT NULL,
    ADD COLUMN username_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
        DEFAULT (LOWER(username)) AFTER username,
    ADD COLUMN external_issuer VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER source,
    ADD COLUMN external_id VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER external_issuer;

UPDATE app_user SET username_key = LOWER(username);

ALTER TABLE app_user
    ADD UNIQUE KEY uk_app_user_username_key (username_key),
    ADD UNIQUE KEY uk_app_user_external (external_issuer, external_id),
    ADD CONSTRAINT ck_app_user_external CHECK ((external_issuer IS NULL) = (external_id IS NULL)),
    ADD CONSTRAINT ck_app_user_local_unbound CHECK (source <> 'LOCAL' OR external_id IS NULL);
