package com.keyward.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work whose statements may legitimately wait longer for their answer than a request's bound (the
 * pool's socket timeout, {@code KEYWARD_DB_SOCKET_TIMEOUT}): seeding a million demo users, a
 * directory sync page, a grid's exact count in the background. The longer bound holds for the
 * transaction's connection only, until it goes back to the pool (which resets it); everything else
 * still fails within the short bound when the database hangs.
 */
@Component
public class LongStatements {

    /** What such work may wait for one answer: long, never for ever. */
    public static final Duration PATIENT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final TransactionTemplate readOnly;

    LongStatements(DataSource dataSource, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** Lets the current transaction's statements wait up to {@code bound} each for their answer. */
    public void allow(Duration bound) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction every statement borrows a connection of its own
            throw new IllegalStateException("LongStatements.allow needs a transaction");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(bound.toMillis()));
        } catch (SQLException failure) {
            throw new DataAccessResourceFailureException("Could not lengthen the connection's socket timeout", failure);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Reads in a read-only transaction (or the caller's) whose statements may wait up to {@code bound}. */
    public <T> T read(Duration bound, Supplier<T> work) {
        return readOnly.execute(status -> {
            allow(bound);
            return work.get();
        });
    }
}
