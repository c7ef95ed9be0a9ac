package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * An older release started on a database a newer one migrated (an accidental rollback): the start
 * is refused, saying what happened and the two ways on. Flyway by itself only warns.
 */
class SchemaVersionGuardTest {

    static EmbeddedMariaDb db;

    @BeforeAll
    static void aFreshDatabase() {
        db = EmbeddedMariaDb.start(null);
    }

    @AfterAll
    static void stop() {
        db.stop();
    }

    @Test
    void aSchemaMigratedByANewerReleaseIsRefusedWithWhatToDo() throws Exception {
        Flyway flyway = Flyway.configure()
                .dataSource(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password())
                .locations("classpath:db/migration")
                .load();
        flyway.migrate();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password());
                Statement statement = connection.createStatement()) {
            // what a release with a V999 migration leaves behind
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from the future', 'SQL',"
                    + " 'V999__from_the_future.sql', 1, 'keyward', 1, 1)");
        }

        Throwable refused = catchThrowable(() -> new Migrations(new MockEnvironment()).migrate(flyway));

        assertThat(refused).isInstanceOf(SchemaTooNewException.class);
        FailureAnalysis analysis = new SchemaTooNewFailureAnalyzer().analyze(refused);
        assertThat(analysis).isNotNull();
        String known = String.valueOf(
                flyway.info().all()[flyway.info().all().length - 2].getVersion());
        assertThat(analysis.getDescription())
                .isEqualTo("Keyward refuses to start: its database was upgraded by a newer Keyward release (schema"
                        + " version 999; this release knows versions up to " + known + "). An older release on a"
                        + " newer schema would misread or lose data, so nothing was changed.");
        assertThat(analysis.getAction())
                .startsWith("Start the newer release again, or, to go back to this release, restore the backup taken"
                        + " before the upgrade (java -jar keyward.jar restore FILE;");
    }
}
