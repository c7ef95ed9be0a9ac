package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.e2e.KeywardProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Keyward on its embedded MariaDB, as ./mvnw runs it, through the faults an operator meets: the
 * database process killed (Keyward restarts it), Keyward itself killed with -9 (the next start
 * stops the mariadbd it left behind). The folder lies under the temp dir, like a checkout in /tmp.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDatabaseIT {

    static Path home;
    static KeywardProcess keyward;
    static long users;

    @BeforeAll
    static void keywardOnItsEmbeddedDatabase() throws Exception {
        home = Files.createTempDirectory("keyward-supervised-");
        keyward = KeywardProcess.start(
                Map.of("KEYWARD_DATA_DIR", home.toString(), "KEYWARD_DEMO_USERS", "30"),
                KeywardProcess.started(),
                // the tests' own configuration asks for a throwaway database: this one persists
                "--keyward.embedded-db.throwaway=false");
        // the demo data is written just after the start: wait until it is all there
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((users = countUsers()) < 30 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        users = countUsers();
        assertThat(users).isGreaterThanOrEqualTo(30);
    }

    @AfterAll
    static void stopIt() throws Exception {
        if (keyward != null) {
            keyward.close();
        }
        Folders.delete(home);
    }

    @Test
    @Order(1)
    void aKilledDatabaseIsRestartedWithinTenSecondsAndReadinessGoesDownThenUp() throws Exception {
        ProcessHandle mariadbd = EmbeddedMariaDb.serverProcess(home).orElseThrow();
        long killed = System.nanoTime();
        mariadbd.destroyForcibly();

        boolean sawDown = false;
        long upAgain = 0;
        while (System.nanoTime() - killed < Duration.ofSeconds(15).toNanos()) {
            int readiness = keyward.status("/actuator/health/readiness");
            if (readiness != 200) {
                sawDown = true;
            } else if (sawDown) {
                upAgain = System.nanoTime();
                break;
            }
            Thread.sleep(50);
        }
        System.out.printf("mariadbd killed: readiness DOWN, then UP %d ms later%n", (upAgain - killed) / 1_000_000);
        assertThat(sawDown).as("readiness went DOWN").isTrue();
        assertThat(upAgain - killed)
                .isPositive()
                .isLessThan(Duration.ofSeconds(10).toNanos());
        assertThat(keyward.log()).contains("stopped unexpectedly; restarting it");
        assertThat(keyward.status("/actuator/health/liveness")).isEqualTo(200);
        assertThat(countUsers()).isEqualTo(users);
        assertThat(EmbeddedMariaDb.serverProcess(home)).get().isNotEqualTo(mariadbd);
    }

    @Test
    @Order(2)
    void afterAKillOfTheJvmTheNextStartStopsTheOrphanAndHasAllTheData() throws Exception {
        keyward.kill();
        ProcessHandle orphan = EmbeddedMariaDb.serverProcess(home).orElseThrow();
        assertThat(orphan.isAlive())
                .as("mariadbd outlives a kill -9 of the JVM")
                .isTrue();

        long restart = System.nanoTime();
        keyward.restart(KeywardProcess.started());
        System.out.printf("started again after kill -9 in %d ms%n", (System.nanoTime() - restart) / 1_000_000);

        assertThat(orphan.isAlive()).isFalse();
        assertThat(keyward.log()).contains("left running on " + home + " by a Keyward that did not stop cleanly");
        assertThat(countUsers()).isEqualTo(users);
        // ready once the start-up runners are done
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (keyward.status("/actuator/health/readiness") != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(keyward.status("/actuator/health/readiness")).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aFolderAnotherUserPreparedEndsTheStartWithOneCauseAndOneAction() throws Exception {
        Path prepared = Files.createTempDirectory("keyward-prepared-");
        try {
            Files.writeString(prepared.resolve(EmbeddedMariaDb.PASSWORD_FILE), "chosen-by-mallory");
            UserPrincipal nobody =
                    prepared.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(prepared.resolve(EmbeddedMariaDb.PASSWORD_FILE), nobody);
            Files.setOwner(prepared, nobody);

            String output = KeywardProcess.failedStart(
                    Map.of("KEYWARD_DATA_DIR", prepared.toString(), "KEYWARD_EMBEDDED_DB_THROWAWAY", "false"));

            System.out.println(output.substring(Math.max(0, output.indexOf("Description:"))));
            String description = output.substring(output.indexOf("Description:"));
            assertThat(description
                            .lines()
                            .filter(line -> line.startsWith("Keyward could not start its embedded database:")))
                    .singleElement()
                    .asString()
                    .contains(prepared + " belongs to nobody (uid 65534)");
            assertThat(description.lines().filter(line -> line.startsWith("Move it aside (mv " + prepared)))
                    .hasSize(1);
            assertThat(output.lines().filter(line -> line.matches("\\s+at [\\w.$]+\\(.*")))
                    .as("stack frames in the output")
                    .isEmpty();
            assertThat(prepared.resolve(EmbeddedMariaDb.PID_FILE)).doesNotExist();
        } finally {
            Folders.delete(prepared);
        }
    }

    /** Straight from the database, as its owner can (the port from mariadbd's command line). */
    private static long countUsers() throws Exception {
        ProcessHandle server = EmbeddedMariaDb.serverProcess(home).orElseThrow();
        String commandLine = Files.readString(Path.of("/proc", Long.toString(server.pid()), "cmdline"));
        String port = commandLine.replaceAll("(?s).*--port=(\\d+).*", "$1");
        String password = Files.readString(home.resolve(EmbeddedMariaDb.PASSWORD_FILE), StandardCharsets.US_ASCII)
                .strip();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:mariadb://127.0.0.1:" + port + "/keyward", EmbeddedMariaDb.USER, password);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM app_user")) {
            count.next();
            return count.getLong(1);
        }
    }
}
