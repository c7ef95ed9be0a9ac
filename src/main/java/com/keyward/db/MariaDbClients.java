package com.keyward.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code mariadb-dump} and {@code mariadb} from the embedded server's own base folder, talking to
 * it over loopback TCP as Keyward's database user. The password goes to them in an owner-only
 * options file inside the owner-only folder, deleted afterwards: never on a command line (which
 * {@code ps} shows every user) nor in a log.
 */
final class MariaDbClients {

    /** The first line of every backup Keyward writes; {@code restore} accepts nothing else. */
    static final String HEADER = "-- Keyward backup";
    /** mariadb-dump's own last line: a file without it was cut short. */
    private static final String COMPLETED = "-- Dump completed";

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path root;
    private final int port;
    private final String password;

    MariaDbClients(Path root, int port, String password) {
        this.root = root;
        this.port = port;
        this.password = password;
    }

    /**
     * Writes a consistent dump of Keyward's database to {@code target} (owner-only; written next to
     * it first, so that a cut-short dump never takes its name). InnoDB's snapshot
     * ({@code --single-transaction}) makes it consistent while Keyward runs, without locking it.
     */
    void dump(Path target) {
        Path folder = java.util.Objects.requireNonNull(target.toAbsolutePath().getParent());
        Path partial = null;
        try {
            String header = HEADER + " of database " + EmbeddedMariaDb.DATABASE + ", schema version "
                    + schemaVersion().orElse(0) + ", taken " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
            partial = Files.createTempFile(folder, ".keyward-backup-", ".partial", OWNER_ONLY);
            Files.writeString(partial, header, StandardCharsets.UTF_8);
            run(
                    List.of(
                            "mariadb-dump",
                            "--single-transaction",
                            "--hex-blob",
                            "--default-character-set=utf8mb4",
                            EmbeddedMariaDb.DATABASE),
                    null,
                    partial);
            if (!completed(partial)) {
                throw new EmbeddedDatabaseException("mariadb-dump ended without completing the dump", null);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot write the backup " + target + ": " + e.getMessage(),
                    "Make " + folder + " writable and free disk space there, then try again.",
                    e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // a hidden leftover; the next backup writes a new one
                }
            }
        }
    }

    /** Replaces Keyward's database with the one in {@code backup} (checked by {@link #checkBackup}). */
    void load(Path backup) {
        sql("DROP DATABASE IF EXISTS " + EmbeddedMariaDb.DATABASE + "; CREATE DATABASE " + EmbeddedMariaDb.DATABASE
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        run(List.of("mariadb", "--default-character-set=utf8mb4", "--batch", EmbeddedMariaDb.DATABASE), backup, null);
    }

    /** The highest successfully applied migration, empty for a database without Keyward's schema. */
    OptionalInt schemaVersion() {
        String tables = sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                        + EmbeddedMariaDb.DATABASE + "' AND table_name = 'flyway_schema_history'")
                .strip();
        if ("0".equals(tables)) {
            return OptionalInt.empty();
        }
        return sql("SELECT version FROM " + EmbeddedMariaDb.DATABASE
                        + ".flyway_schema_history WHERE success AND version IS NOT NULL")
                .lines()
                .map(String::strip)
                .filter(v -> v.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .max();
    }

    /** Whether Keyward's database has any table at all. */
    boolean hasTables() {
        return !"0"
                .equals(sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                                + EmbeddedMariaDb.DATABASE + "'")
                        .strip());
    }

    /**
     * Refuses a file that is not a complete backup written by Keyward: its first line is
     * {@value #HEADER}…, its last mariadb-dump's "Dump completed".
     */
    static void checkBackup(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new EmbeddedDatabaseException(
                        "there is no file " + file,
                        "Name the backup file Keyward wrote (java -jar keyward.jar backup FILE).",
                        null);
            }
            String first;
            try (InputStream in = Files.newInputStream(file)) {
                first = new String(in.readNBytes(HEADER.length()), StandardCharsets.UTF_8);
            }
            if (!first.equals(HEADER)) {
                throw new EmbeddedDatabaseException(
                        file + " is not a Keyward backup (it does not begin with \"" + HEADER
                                + "\"); nothing was changed",
                        "Name a file written by java -jar keyward.jar backup FILE or by the automatic backup before an "
                                + "upgrade.",
                        null);
            }
            if (!completed(file)) {
                throw new EmbeddedDatabaseException(
                        file + " is an incomplete Keyward backup (it lacks mariadb-dump's \"" + COMPLETED
                                + "\" line); nothing was changed",
                        "Use another backup: this one was cut short.",
                        null);
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean completed(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] tail = new byte[(int) Math.min(length, 512)];
            in.seek(length - tail.length);
            in.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8)
                    .strip()
                    .lines()
                    .reduce((a, b) -> b)
                    .orElse("")
                    .startsWith(COMPLETED);
        }
    }

    private String sql(String statements) {
        try {
            Path out = Files.createTempFile(root.resolve("tmp"), "query-", ".out", OWNER_ONLY);
            try {
                run(List.of("mariadb", "--batch", "--skip-column-names", "-e", statements), null, out);
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot query the embedded database: " + e.getMessage(), e);
        }
    }

    /**
     * The command line of a client: the program from the base folder, then the options file (it
     * must come first), then {@code arguments}. Nothing secret in it.
     */
    List<String> commandLine(Path options, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(
                root.resolve("base").resolve("bin").resolve(arguments.get(0)).toString());
        // only this file: a my.cnf of the host (Debian's /etc/mysql) must not redirect or change it
        command.add("--defaults-file=" + options);
        command.addAll(arguments.subList(1, arguments.size()));
        return command;
    }

    /** The options file's text: who, where, and the password. */
    String options() {
        return String.join(
                "\n",
                "[client]",
                "user=" + EmbeddedMariaDb.USER,
                "password=" + password,
                "host=127.0.0.1",
                "port=" + port,
                "protocol=TCP",
                // the embedded server runs without TLS on loopback (EmbeddedMariaDb)
                "skip-ssl",
                "");
    }

    private void run(List<String> arguments, @Nullable Path input, @Nullable Path output) {
        String program = arguments.get(0);
        Path options = null;
        Path errors = null;
        try {
            options = Files.createTempFile(root.resolve("tmp"), "client-", ".cnf", OWNER_ONLY);
            Files.writeString(options, options(), StandardCharsets.US_ASCII);
            errors = Files.createTempFile(root.resolve("tmp"), "client-", ".err", OWNER_ONLY);
            ProcessBuilder builder = new ProcessBuilder(commandLine(options, arguments))
                    .redirectError(errors.toFile())
                    .redirectInput(
                            input == null ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(input.toFile()))
                    .redirectOutput(
                            output == null
                                    ? ProcessBuilder.Redirect.DISCARD
                                    : ProcessBuilder.Redirect.appendTo(output.toFile()));
            Process process = builder.start();
            if (input == null) {
                process.getOutputStream().close();
            }
            int status = process.waitFor();
            if (status != 0) {
                String said = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new EmbeddedDatabaseException(
                        program + " failed (status " + status + "): "
                                + said.lines().findFirst().orElse("no reason given"),
                        null);
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException(program + " was interrupted", e);
        } finally {
            deleteQuietly(options);
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // inside the owner-only folder; nothing else reads it
            }
        }
    }
}
