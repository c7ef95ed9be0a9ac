package com.keyward.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Backups of the embedded database: {@code java -jar keyward.jar backup FILE} (while Keyward runs
 * or not), {@code restore FILE} (only while it does not), and the automatic backup before an
 * upgrade migrates the schema. Backups are plain SQL from {@code mariadb-dump} behind a first line
 * that says they are Keyward's; the automatic ones live in {@code backups/} next to the data folder.
 */
public final class EmbeddedBackups {

    /** How many automatic backups before upgrades are kept (the oldest go first). */
    static final int KEPT_BEFORE_UPGRADE = 5;

    private static final String BEFORE_UPGRADE = "keyward-before-V";
    private static final String BEFORE_RESTORE = "keyward-before-restore-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EmbeddedBackups() {}

    /**
     * Dumps the database of the folder {@code home} into {@code file}: from the server of the
     * Keyward running on it (a consistent snapshot, Keyward goes on serving), or from a server
     * started for the purpose when none runs.
     *
     * @return what was done, in one line
     */
    public static String backup(Path home, Path file) {
        Path root = home.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("data"))) {
            throw new EmbeddedDatabaseException(
                    "there is no embedded database in " + root,
                    "Set KEYWARD_DATA_DIR (keyward.embedded-db.dir) to the folder Keyward runs with.",
                    null);
        }
        Path target = file.toAbsolutePath().normalize();
        if (EmbeddedMariaDb.inUse(root)) {
            OptionalInt port = EmbeddedMariaDb.runningPort(root);
            if (port.isEmpty()) {
                throw new EmbeddedDatabaseException(
                        "a Keyward holds " + root + " but its database server is not running (starting or stopping)",
                        "Try again once Keyward has started or stopped.",
                        null);
            }
            new MariaDbClients(root, port.getAsInt(), EmbeddedMariaDb.passwordOf(root)).dump(target);
            return "Backed up the database of the running Keyward in " + root + " to " + target + ".";
        }
        return withServer(root, clients -> {
            clients.dump(target);
            return "Backed up the database in " + root + " to " + target + ".";
        });
    }

    /**
     * Replaces the database of the folder {@code home} with the backup in {@code file}, after
     * checking that it is a complete Keyward backup. Refused while a Keyward runs on the folder.
     * The database it replaces is kept as {@code backups/keyward-before-restore-<time>.sql}.
     *
     * @return what was done, in one line
     */
    public static String restore(Path home, Path file) {
        Path root = home.toAbsolutePath().normalize();
        Path backup = file.toAbsolutePath().normalize();
        MariaDbClients.checkBackup(backup);
        if (EmbeddedMariaDb.inUse(root)) {
            throw new EmbeddedDatabaseException(
                    "a Keyward is running on " + root + "; a restore under it would pull its data away; nothing was "
                            + "changed",
                    "Stop Keyward (e.g. systemctl stop keyward), run the restore again, then start Keyward.",
                    null);
        }
        return withServer(root, clients -> {
            String kept = "";
            if (clients.hasTables()) {
                Path before = backupsFolder(root).resolve(BEFORE_RESTORE + STAMP.format(Instant.now()) + ".sql");
                clients.dump(before);
                kept = " The database it replaced is kept in " + before + ".";
            }
            clients.load(backup);
            OptionalInt version = clients.schemaVersion();
            return "Restored " + backup + " (schema version "
                    + (version.isPresent() ? Integer.toString(version.getAsInt()) : "none") + ") into " + root + "."
                    + kept + " Start Keyward: a release newer than the backup migrates it.";
        });
    }

    /**
     * Before Flyway applies migrations to a database that has a schema already: its dump in
     * {@code backups/keyward-before-V<next>-<time>.sql} next to the data folder; the newest
     * {@value #KEPT_BEFORE_UPGRADE} such backups are kept.
     */
    static Path beforeUpgrade(EmbeddedMariaDb server, String nextVersion) {
        Path folder = backupsFolder(server.root());
        Path file = folder.resolve(BEFORE_UPGRADE + nextVersion + "-" + STAMP.format(Instant.now()) + ".sql");
        server.clients().dump(file);
        prune(folder);
        return file;
    }

    private static String withServer(Path root, Function<MariaDbClients, String> work) {
        EmbeddedMariaDb server = EmbeddedMariaDb.start(root);
        try {
            return work.apply(server.clients());
        } finally {
            server.stop();
        }
    }

    /** {@code backups/} beside the data folder: owner-only, like the data folder itself. */
    static Path backupsFolder(Path root) {
        Path parent = root.toAbsolutePath().normalize().getParent();
        Path folder = (parent == null ? root : parent).resolve("backups");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return folder;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot create the backup folder " + folder + ": " + e.getMessage(),
                    "Make the folder above the data folder writable for Keyward's user, or free disk space there.",
                    e);
        }
    }

    private static void prune(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> old = files.filter(f -> f.getFileName().toString().startsWith(BEFORE_UPGRADE))
                    .sorted(Comparator.comparing(EmbeddedBackups::modified).reversed())
                    .skip(KEPT_BEFORE_UPGRADE)
                    .toList();
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // the new backup is written; an old one left over is harmless
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException gone) {
            return Instant.EPOCH;
        }
    }
}
