package com.keyward.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** What the log shows when a scheduled job fails (before: a stack trace per run while the database was away). */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobFailuresTest {

    @Test
    void theDatabaseAwayIsOneLineAndABugKeepsItsStackTrace(CapturedOutput output) {
        ScheduledJobFailures.handler()
                .handleError(new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLTransientConnectionException("timed out")));
        String outage = output.getAll();
        assertThat(outage).contains("A scheduled job could not run, the database is away");
        assertThat(outage.lines().filter(line -> line.matches("\\s+at .*"))).isEmpty();

        ScheduledJobFailures.handler().handleError(new IllegalStateException("a bug"));
        assertThat(output.getAll().substring(outage.length()))
                .contains("A scheduled job failed", "IllegalStateException: a bug")
                .containsPattern("\\s+at com\\.keyward\\.ops\\.");
    }

    @Test
    void aUsageFlushCutOffByAFrozenDatabaseIsAWarningNotABug(CapturedOutput output) {
        // the usage flush during a freeze (issue 31) logged this as ERROR "A scheduled job failed"
        ScheduledJobFailures.handler()
                .handleError(new BadSqlGrammarException(
                        "jOOQ",
                        "update api_key",
                        new SQLSyntaxErrorException(
                                "(conn=7) Connection.setNetworkTimeout cannot be called on a closed connection",
                                "42000")));
        assertThat(output.getAll())
                .contains("WARN", "A scheduled job could not run, the database is away")
                .doesNotContain("A scheduled job failed", "ERROR");
    }
}
