package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pool's connections can be cut (what the monitor does when the database freezes): a statement
 * waiting for its answer ends with a connection failure instead of waiting on, and the pool serves
 * fresh connections afterwards. A live server that takes long is never cut by the monitor.
 */
@KeywardTest
class PooledConnectionsTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PooledConnections pooled;

    @Autowired
    DatabaseMonitor monitor;

    @Test
    void aStatementWaitingForItsAnswerEndsWhenTheConnectionsAreCut() throws Exception {
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> sleepOnTheServer(60));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (serverThreadsSleeping() == 0) {
            assertThat(System.nanoTime()).as("the statement reached the server").isLessThan(deadline);
            Thread.onSpinWait();
        }

        pooled.cutAll();
        try {
            assertThat(waiting.get(10, TimeUnit.SECONDS))
                    .as("the 60 s statement, cut")
                    .startsWith("failed: ")
                    .containsIgnoringCase("socket");
        } finally {
            pooled.reopen();
        }
        assertThat(sleepOnTheServer(0)).as("a fresh connection afterwards").isEqualTo("answered 0");
    }

    @Test
    void aLiveServerThatTakesLongIsNotTakenForAFrozenOne() {
        // longer than the monitor's bound (0.4 s) several times over: it keeps getting its own answers
        assertThat(sleepOnTheServer(2)).isEqualTo("answered 0");
        assertThat(monitor.reachable()).isTrue();
    }

    private String sleepOnTheServer(int seconds) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet slept = statement.executeQuery("SELECT SLEEP(" + seconds + ")")) {
            slept.next();
            return "answered " + slept.getInt(1);
        } catch (SQLException failure) {
            return "failed: " + failure.getMessage();
        }
    }

    private int serverThreadsSleeping() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                        + " WHERE INFO LIKE 'SELECT SLEEP(60)%'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException failure) {
            return 0;
        }
    }
}
