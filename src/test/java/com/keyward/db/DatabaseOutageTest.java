package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database is away" (503, try again) and which are bugs (500). */
class DatabaseOutageTest {

    @Test
    void aQueryCutOffAsTheDatabaseWentWhoseRollbackFailedTooIsAnOutage() {
        // what a request in flight at the moment the database stopped threw (seen in OperationsIT)
        var rollback = new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed", "HY000"));
        rollback.initApplicationException(new SQLTransientConnectionException("Connection is not available"));

        assertThat(DatabaseOutage.causes(rollback)).isTrue();
    }

    @Test
    void aConnectionExceptionByItsSqlStateIsAnOutage() {
        assertThat(DatabaseOutage.causes(new RuntimeException(new SQLException("socket closed", "08000"))))
                .isTrue();
    }

    @Test
    void aRefusedConnectionIsTheDatabasesOnlyBelowADatabaseFailure() {
        var refused = new java.net.ConnectException("Connection refused");
        assertThat(DatabaseOutage.causes(new SQLException("could not connect", "HY000", refused)))
                .isTrue();
        // the directory (LDAP) refusing is not the database being away (DirectorySignInTest failed on this)
        assertThat(DatabaseOutage.causes(new RuntimeException("LDAP", refused))).isFalse();
    }

    @Test
    void aConnectionTheDriverClosedAfterASocketTimeoutIsAnOutage() {
        // seen during a freeze (issue 31): MariaDB's driver says it with SQL state 42000, which Spring
        // translates to BadSqlGrammarException
        var closed = new SQLSyntaxErrorException(
                "(conn=16) Connection.setNetworkTimeout cannot be called on a closed connection", "42000");
        assertThat(DatabaseOutage.causes(new BadSqlGrammarException("select", "select 1", closed)))
                .isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("Connection closed", "HY000")))
                .isTrue();
        assertThat(DatabaseOutage.causes(new UncategorizedSQLException(
                        "select", "select 1", new SQLException("(conn=5) Connection is closed", "HY000"))))
                .isTrue();
    }

    @Test
    void aReadThatTimedOutOnAHungDatabaseIsAnOutage() {
        var timedOut = new SQLException("Socket error", null, new java.net.SocketTimeoutException("Read timed out"));
        assertThat(DatabaseOutage.causes(new UncategorizedSQLException("select", "select 1", timedOut)))
                .isTrue();
    }

    @Test
    void aBrokenConstraintIsNotAnOutage() {
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseOutage.causes(new TransactionSystemException("commit failed")))
                .isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("syntax", "42000"))).isFalse();
        assertThat(DatabaseOutage.causes(new SQLSyntaxErrorException("Unknown column 'closed connection'", "42S22")))
                .isFalse();
    }
}
