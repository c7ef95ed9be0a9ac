package com.keyward.db;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How the schema is migrated at start. A schema that a newer release migrated is refused (Flyway
 * alone only warns about "future" migrations, so an older jar started on it by mistake would run on
 * tables it does not know). On the embedded database, a schema with pending migrations is backed up
 * first, so that an upgrade can be undone ({@link EmbeddedBackups}).
 */
@Component
class Migrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    /** Whether the datasource is the embedded server (not an external database configured beside it). */
    private final boolean embeddedInUse;

    Migrations(Environment environment) {
        this.embeddedInUse =
                environment.getProperty(EmbeddedMariaDbEnvironmentPostProcessor.ACTIVE, Boolean.class, false);
    }

    @Override
    public void migrate(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        refuseNewerSchema(info);
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0 && info.current() != null) {
            EmbeddedMariaDb.current()
                    .filter(server -> !server.throwaway())
                    .filter(server -> embeddedInUse)
                    .ifPresent(server -> {
                        String next = String.valueOf(pending[0].getVersion());
                        Path file = EmbeddedBackups.beforeUpgrade(server, next);
                        log.info(
                                "Backed up the database (schema version {}) to {} before migrating it to version {}.",
                                info.current().getVersion(),
                                file,
                                pending[pending.length - 1].getVersion());
                    });
        }
        flyway.migrate();
    }

    /** Throws when the database has a migration applied that this release does not ship. */
    static void refuseNewerSchema(MigrationInfoService info) {
        Optional<MigrationVersion> future = Arrays.stream(info.applied())
                .filter(m ->
                        m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (future.isPresent()) {
            String known = Arrays.stream(info.all())
                    .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(String::valueOf)
                    .orElse("none");
            throw new SchemaTooNewException(future.get().toString(), known);
        }
    }
}
