package com.keyward.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.db.EmbeddedSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * README, "Backup and restore", on the embedded database: a backup while Keyward serves, a
 * restore refused while it runs, the data changed after the backup, the restore bringing it back
 * (and keeping what it replaced), a file that is not a Keyward backup refused, and Keyward starting
 * on the restored database. The database password shows in no output.
 */
class BackupRestoreIT {

    @Test
    void aBackupTakenWhileKeywardRunsBringsTheDataBackAfterItChanged() throws Exception {
        Path folder = Path.of("target", "backup-it-" + System.nanoTime()).toAbsolutePath();
        Path data = folder.resolve("mariadb");
        Path backup = folder.resolve("keyward.sql");
        Map<String, String> environment = Map.of(
                "KEYWARD_DATA_DIR", data.toString(),
                "KEYWARD_EMBEDDED_DB_THROWAWAY", "false",
                "KEYWARD_DEMO_DATA_ENABLED", "false",
                "KEYWARD_ADMIN_USERNAME", "ada",
                "KEYWARD_ADMIN_PASSWORD", "a backed-up admin passphrase 2026");
        String auditRows;
        try (KeywardProcess keyward = KeywardProcess.start(
                environment, log -> log.contains("First Admin \"ada\" created from KEYWARD_ADMIN_USERNAME"))) {
            HostCommand hot = HostCommand.run(environment, "backup", backup.toString());
            assertThat(hot.status()).as(hot.err()).isZero();
            assertThat(hot.out().strip())
                    .isEqualTo("Backed up the database of the running Keyward in " + data + " to " + backup + ".");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
            assertThat(Files.readAllLines(backup).get(0))
                    .startsWith("-- Keyward backup of database keyward, schema version ");
            assertThat(keyward.status("/actuator/health/readiness"))
                    .as("Keyward served on")
                    .isEqualTo(200);

            HostCommand underIt = HostCommand.run(environment, "restore", backup.toString());
            assertThat(underIt.status()).isEqualTo(1);
            assertThat(underIt.err().strip())
                    .isEqualTo("restore: a Keyward is running on " + data + "; a restore under it would pull its data"
                            + " away; nothing was changed. Stop Keyward (e.g. systemctl stop keyward), run the restore"
                            + " again, then start Keyward.");
            String password =
                    Files.readString(data.resolve("keyward-db.password")).strip();
            assertThat(hot.out() + hot.err() + underIt.out() + underIt.err() + keyward.log())
                    .doesNotContain(password);
        }
        auditRows = EmbeddedSql.value(data, "SELECT COUNT(*) FROM audit_event");
        assertThat(Integer.parseInt(auditRows)).isPositive();
        EmbeddedSql.execute(
                data,
                "UPDATE app_user SET display_name = 'Changed after the backup' WHERE username = 'ada'",
                "DELETE FROM audit_event");

        Path notOurs = Files.writeString(folder.resolve("other.sql"), "DROP TABLE app_user;\n");
        HostCommand refused = HostCommand.run(environment, "restore", notOurs.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("is not a Keyward backup", "nothing was changed");
        assertThat(EmbeddedSql.value(data, "SELECT display_name FROM app_user WHERE username = 'ada'"))
                .isEqualTo("Changed after the backup");

        HostCommand restored = HostCommand.run(environment, "restore", backup.toString());
        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.out())
                .startsWith("Restored " + backup + " (schema version ")
                .contains("The database it replaced is kept in " + folder.resolve("backups")
                        + "/keyward-before-restore-");
        assertThat(EmbeddedSql.value(data, "SELECT display_name FROM app_user WHERE username = 'ada'"))
                .isEqualTo("ada");
        assertThat(EmbeddedSql.value(data, "SELECT COUNT(*) FROM audit_event")).isEqualTo(auditRows);

        try (KeywardProcess keyward = KeywardProcess.start(environment, KeywardProcess.started())) {
            // readiness follows the database monitor's first check, just after "Started"
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (keyward.status("/actuator/health/readiness") != 200 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(keyward.status("/actuator/health/readiness")).isEqualTo(200);
            assertThat(keyward.log()).doesNotContain("Backed up the database (schema version");
        }
    }
}
