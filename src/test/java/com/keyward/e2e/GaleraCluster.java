package com.keyward.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A three-node MariaDB Galera cluster on loopback, made by the repository's deploy/galera/galera.sh
 * from Debian's mariadb-server and galera-4 packages, exactly as the README tells an operator to.
 */
public final class GaleraCluster implements AutoCloseable {

    public static final int NODES = 3;

    private final Path folder;
    private final int basePort;
    private final String password;

    private GaleraCluster(Path folder, int basePort, String password) {
        this.folder = folder;
        this.basePort = basePort;
        this.password = password;
    }

    /** Bootstraps node 1, creates the database and its user, joins nodes 2 and 3; returns once all are synced. */
    public static GaleraCluster start() throws Exception {
        GaleraCluster cluster = inNewFolder(33060);
        cluster.script("start");
        return cluster;
    }

    /** One plain server of the same package and settings, without Galera, as node 0: a baseline. */
    public static GaleraCluster singleServer() throws Exception {
        GaleraCluster server = inNewFolder(34060);
        server.script("single");
        return server;
    }

    private static GaleraCluster inNewFolder(int basePort) throws IOException {
        Path folder = Files.createTempDirectory("keyward-galera-");
        // the nodes run as the mysql user, which must reach their folders
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        return new GaleraCluster(folder, basePort, HexFormat.of().formatHex(secret));
    }

    /** Kills node {@code n} at once (kill -9), as a crash would. */
    void kill(int n) throws Exception {
        script("kill", String.valueOf(n));
    }

    /** Starts node {@code n} again and returns once it has caught up (IST, or SST) and is synced. */
    void join(int n) throws Exception {
        script("join", String.valueOf(n));
    }

    /** The process id of node {@code n}'s mariadbd (a test freezes it with SIGSTOP). */
    long pid(int n) throws IOException {
        return Long.parseLong(
                Files.readString(folder.resolve("node" + n).resolve("run").resolve("mysqld.pid"))
                        .strip());
    }

    int port(int n) {
        return basePort + n;
    }

    /** Keyward's JDBC URL: the nodes in this order, failing over from one to the next. */
    public String jdbcUrl(int... order) {
        return "jdbc:mariadb:sequential://"
                + IntStream.of(order).mapToObj(n -> "127.0.0.1:" + port(n)).collect(Collectors.joining(","))
                + "/keyward?transactionReplay=true";
    }

    public String username() {
        return "keyward";
    }

    public String password() {
        return password;
    }

    /** A connection to node {@code n} alone, as Keyward's user. */
    Connection connect(int n) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port(n) + "/keyward", username(), password);
    }

    int update(int n, String sql) throws SQLException {
        try (Connection connection = connect(n);
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    /** The first column of the first row, as text. */
    String query(int n, String sql) throws SQLException {
        try (Connection connection = connect(n);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** wsrep status of a node, e.g. wsrep_local_state_comment or wsrep_cluster_size. */
    String status(int n, String variable) throws SQLException {
        try (Connection connection = connect(n);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW STATUS LIKE '" + variable + "'")) {
            return rows.next() ? rows.getString(2) : null;
        }
    }

    /** Node {@code n}'s error log. */
    String log(int n) throws IOException {
        return Files.readString(folder.resolve("node" + n).resolve("error.log"));
    }

    private void script(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "deploy/galera/galera.sh"));
        command.addAll(List.of(arguments));
        command.add(folder.toString());
        Path output = Files.createTempFile("keyward-galera-", ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("KEYWARD_DB_PASSWORD", password);
        builder.environment().put("GALERA_PORT", String.valueOf(basePort));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "galera.sh " + String.join(" ", arguments) + " failed:\n" + Files.readString(output));
        }
    }

    @Override
    public void close() throws Exception {
        script("stop");
        // the data folders are the mysql user's; the test made the parent
        new ProcessBuilder("rm", "-rf", folder.toString()).start().waitFor();
    }
}
