package com.keyward.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MariaDB server for tests that need one outside Keyward (several Keyward processes on one
 * database, a database that goes away and comes back): its own folder, a fixed loopback port.
 */
public final class ExternalMariaDb {

    private final Path home;
    private final int port;
    private EmbeddedMariaDb server;

    private ExternalMariaDb(Path home, int port, EmbeddedMariaDb server) {
        this.home = home;
        this.port = port;
        this.server = server;
    }

    public static ExternalMariaDb start() throws Exception {
        Path home = Files.createTempDirectory("keyward-external-db-");
        EmbeddedMariaDb server = EmbeddedMariaDb.start(home);
        return new ExternalMariaDb(home, server.port(), server);
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    public String username() {
        return EmbeddedMariaDb.USER;
    }

    public String password() {
        return server.password();
    }

    /** Runs one statement as Keyward's database user: how a test sets up what only time would bring. */
    public int update(String sql) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl(), username(), password());
                var statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The server stops (clients get "connection refused" until {@link #startAgain}). */
    public void stop() {
        server.stop();
    }

    /** Stops the server and deletes its folder: a test's database leaves nothing on the disk. */
    public void stopAndDelete() throws java.io.IOException {
        server.stop();
        Folders.delete(home);
    }

    /**
     * kill -9 of mariadbd, as an operator's fault injection or the OOM killer does: every open
     * connection breaks at once and new ones are refused until {@link #startAgain}. (Not restarted
     * by the supervisor in this JVM, so that the test says when the database returns.)
     */
    public void kill() {
        ProcessHandle process = EmbeddedMariaDb.serverProcess(home).orElseThrow();
        server.abandon();
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The same server again: same folder, same port, same data. */
    public void startAgain() {
        server = EmbeddedMariaDb.start(home, port);
    }
}
