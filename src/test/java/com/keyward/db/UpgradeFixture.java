package com.keyward.db;

import com.keyward.apikey.ApiKeyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * How src/test/resources/upgrade/keyward-8030a92-V5.sql was made (UpgradeIT restores it): the
 * migrations of release 8030a92, the oldest one supported for an upgrade (V1 to V5), applied to a
 * new embedded database, a few people, roles, keys and audit entries written as that release wrote
 * them, then the backup command's dump. The keys it prints are UpgradeIT's constants. Run it by
 * hand ({@code git show 8030a92:src/main/resources/db/migration/V<n>__….sql} into a folder, then
 * {@code java -cp … com.keyward.db.UpgradeFixture FOLDER}); it is not a test.
 */
public final class UpgradeFixture {

    private UpgradeFixture() {}

    public static void main(String[] args) throws Exception {
        make(Path.of(args[0]).toAbsolutePath());
    }

    private static void make(Path oldMigrations) throws Exception {
        Path home = Path.of("target/fixture-maker-" + System.nanoTime() + "/mariadb")
                .toAbsolutePath();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(home);
        try {
            Flyway.configure()
                    .dataSource(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password())
                    .locations("filesystem:" + oldMigrations)
                    .load()
                    .migrate();
            String adaKey = ApiKeyFormat.generate();
            String bobKey = ApiKeyFormat.generate();
            String revokedKey = ApiKeyFormat.generate();
            String hash =
                    PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("ada's upgrade passphrase 8030");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password());
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO app_user (id, username, display_name, email, status, password_hash, created_at)"
                        + " VALUES (1, 'ada', 'Ada Lovelace', 'ada@example.com', 'ENABLED', '" + hash
                        + "', '2026-11-28 10:00:00'),"
                        + " (2, 'bob', 'Bob Auditor', 'bob@example.com', 'ENABLED', NULL, '2026-11-28 10:05:00'),"
                        + " (3, 'carol', 'Carol Gone', 'carol@example.com', 'DISABLED', NULL, '2026-11-28 10:06:00')");
                s.execute("INSERT INTO role (id, name, description, built_in, created_at) VALUES"
                        + " (2, 'Auditors', 'Read the audit log', FALSE, '2026-11-28 10:01:00')");
                s.execute("INSERT INTO role_authority (role_id, authority_code) VALUES (2, 'VIEW_AUDIT_LOG')");
                s.execute(
                        "INSERT INTO role_limit (role_id, limit_code, limit_value) VALUES (2, 'MAX_ACTIVE_API_KEYS', 3)");
                s.execute("INSERT INTO user_role (user_id, role_id) VALUES (1, 1), (2, 2)");
                try (PreparedStatement key = c.prepareStatement("INSERT INTO api_key (id, owner_id, name, description,"
                        + " key_digest, hint, created_at, expires_at, revoked_at, revoked_by) VALUES (?, ?, ?, ?, ?, ?,"
                        + " '2026-11-28 11:00:00', '2036-11-28 11:00:00', ?, ?)")) {
                    Object[][] keys = {
                        {1L, 1L, "ada-ops", "Ada's operations key", adaKey, null, null},
                        {2L, 2L, "bob-audit", null, bobKey, null, null},
                        {3L, 1L, "ada-old", "revoked before the upgrade", revokedKey, "2026-11-28 12:00:00", 1L}
                    };
                    for (Object[] k : keys) {
                        key.setLong(1, (Long) k[0]);
                        key.setLong(2, (Long) k[1]);
                        key.setString(3, (String) k[2]);
                        key.setString(4, (String) k[3]);
                        key.setBytes(5, ApiKeyFormat.digest((String) k[4]));
                        key.setString(6, ApiKeyFormat.hint((String) k[4]));
                        key.setObject(7, k[5]);
                        key.setObject(8, k[6]);
                        key.execute();
                    }
                }
                s.execute("INSERT INTO api_key_set (api_key_id, api_set_code) VALUES (1, 'ACCOUNT'), (1, 'USERS'),"
                        + " (1, 'AUDIT'), (2, 'ACCOUNT'), (2, 'AUDIT'), (3, 'ACCOUNT')");
                s.execute("INSERT INTO audit_event (occurred_at, type, actor_id, actor_username, target_user_id,"
                        + " target_username, details) VALUES"
                        + " ('2026-11-28 10:01:00', 'ROLE_CREATED', 1, 'ada', NULL, NULL, 'Auditors'),"
                        + " ('2026-11-28 10:05:30', 'ROLE_ASSIGNED', 1, 'ada', 2, 'bob', 'Auditors'),"
                        + " ('2026-11-28 10:07:00', 'ACCOUNT_DISABLED', 1, 'ada', 3, 'carol', 'left the company'),"
                        + " ('2026-11-28 11:00:00', 'API_KEY_GENERATED', 1, 'ada', 1, 'ada', 'ada-ops'),"
                        + " ('2026-11-28 11:00:00', 'API_KEY_GENERATED', 2, 'bob', 2, 'bob', 'bob-audit'),"
                        + " ('2026-11-28 12:00:00', 'API_KEY_REVOKED', 1, 'ada', 1, 'ada', 'ada-old')");
            }
            Path target = Path.of("src/test/resources/upgrade").toAbsolutePath();
            Files.createDirectories(target);
            System.out.println(EmbeddedBackups.backup(home, target.resolve("keyward-8030a92-V5.sql")));
            System.out.println("KEYS ada=" + adaKey + " bob=" + bobKey + " revoked=" + revokedKey);
        } finally {
            db.stop();
        }
    }
}
