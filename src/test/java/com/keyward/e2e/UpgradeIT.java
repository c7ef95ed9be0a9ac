package com.keyward.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.db.EmbeddedSql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README, "Upgrading and rolling back", from the oldest supported release (8030a92, schema V5):
 * its backup restored into a new data folder, the current release started on it — the schema
 * backed up before the migrations, the keys, people and audit entries of the old release still
 * there — and then the way back refused: a schema a newer release migrated stops the start with
 * what to do. The fixture and its keys come from db.UpgradeFixture.
 */
class UpgradeIT {

    private static final Path FIXTURE = Path.of("src/test/resources/upgrade/keyward-8030a92-V5.sql");
    private static final String ADA_KEY = "kw_emtxEa5yhqUmhbx7Lv933LCmxJshLNJH2Q47g3";
    private static final String BOB_KEY = "kw_9lEIpjXmZGRpO9lkDPp9t6BmGFImvzUG3AAyL6";
    private static final String REVOKED_KEY = "kw_V2ugv7vMtiCk3pSjCsxpUtQUGbjtF6Zs2Ra0Nc";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theOldestSupportedReleaseUpgradesWithItsKeysPeopleAndAuditAndCannotBeRolledBack() throws Exception {
        Path folder = Path.of("target", "upgrade-it-" + System.nanoTime()).toAbsolutePath();
        Path data = folder.resolve("mariadb");
        Map<String, String> environment = Map.of(
                "KEYWARD_DATA_DIR", data.toString(),
                // the tests' own configuration asks for a throwaway database: this one persists
                "KEYWARD_EMBEDDED_DB_THROWAWAY", "false",
                "KEYWARD_DEMO_DATA_ENABLED", "false");

        HostCommand restored =
                HostCommand.run(environment, "restore", FIXTURE.toAbsolutePath().toString());
        assertThat(restored.status()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("(schema version 5) into " + data);

        try (KeywardProcess keyward = KeywardProcess.start(environment, KeywardProcess.started())) {
            Matcher backedUp = Pattern.compile(
                            "Backed up the database \\(schema version 5\\) to (\\S+) before migrating it to version (\\d+)\\.")
                    .matcher(keyward.log());
            assertThat(backedUp.find()).as(keyward.log()).isTrue();
            Path backup = Path.of(backedUp.group(1));
            assertThat(backup.getParent()).isEqualTo(folder.resolve("backups"));
            assertThat(backup.getFileName().toString()).matches("keyward-before-V6-\\d{8}T\\d{6}Z\\.sql");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(backup)).startsWith("-- Keyward backup of database keyward, schema version 5,");

            HttpResponse<String> account = get(keyward, "/api/v1/account", ADA_KEY);
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains("\"username\":\"ada\"", "Ada Lovelace");
            HttpResponse<String> users = get(keyward, "/api/v1/users", ADA_KEY);
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).contains("\"username\":\"bob\"", "\"username\":\"carol\"", "Carol Gone");
            HttpResponse<String> audit = get(keyward, "/api/v1/audit", BOB_KEY);
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.body()).contains("left the company", "\"targetUsername\":\"carol\"");
            assertThat(get(keyward, "/api/v1/users", BOB_KEY).statusCode())
                    .as("bob's key has no Users API set")
                    .isEqualTo(403);
            assertThat(get(keyward, "/api/v1/account", REVOKED_KEY).statusCode())
                    .as("a key revoked before the upgrade")
                    .isEqualTo(401);
        }

        // the way back: this release started on a schema that a newer one (V999) migrated
        EmbeddedSql.execute(
                data,
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                        + " 'V999__from_the_future.sql', 1, 'keyward', 1, 1)");
        String refused = KeywardProcess.failedStart(environment);
        System.out.println(refused.substring(Math.max(0, refused.indexOf("Description:"))));
        assertThat(refused)
                .contains("Keyward refuses to start: its database was upgraded by a newer Keyward release (schema"
                        + " version 999; this release knows versions up to ")
                .contains("Start the newer release again, or, to go back to this release, restore the backup");
        assertThat(refused.lines().filter(line -> line.matches("\\s+at [\\w.$]+\\(.*")))
                .as("stack frames in the output")
                .isEmpty();
        assertThat(EmbeddedSql.value(data, "SELECT COUNT(*) FROM app_user WHERE username IN ('ada', 'bob', 'carol')"))
                .as("nothing was changed by the refused start")
                .isEqualTo("3");
    }

    private static HttpResponse<String> get(KeywardProcess keyward, String path, String key) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(keyward.url(path)))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
