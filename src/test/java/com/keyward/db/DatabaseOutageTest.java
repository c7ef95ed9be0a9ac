package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
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
    void aBrokenConstraintIsNotAnOutage() {
        assertThat(DatabaseOutage.causes(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseOutage.causes(new TransactionSystemException("commit failed")))
                .isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("syntax", "42000"))).isFalse();
    }
}
