package com.keyward.db;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because the database cannot be reached (down, restarting, network gone) from
 * every other failure: the first is the service being unavailable for a while (503, "try again"),
 * the second a bug (500, logged).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before trying again while the database is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {}

    public static boolean causes(@Nullable Throwable failure) {
        // a refused socket is the database's only below a database failure (not the directory's)
        boolean fromTheDatabase = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || connectionState(cause)
                    || closedConnection(cause)) {
                return true;
            }
            fromTheDatabase |= cause instanceof SQLException || cause instanceof DataAccessException;
            if (fromTheDatabase
                    && (cause instanceof ConnectException
                            || cause instanceof SocketTimeoutException
                            || cause instanceof SocketException)) {
                return true;
            }
            // a query failed as the database went, then the rollback failed too: the first failure says why
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && causes(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The driver refusing to use a connection it closed itself (after a read timed out on a hung
     * server, or the server went): MariaDB's driver says so with SQL state 42000, which Spring
     * would take for bad SQL.
     */
    private static boolean closedConnection(Throwable failure) {
        String message = failure.getMessage();
        if (!(failure instanceof SQLException) || message == null) {
            return false;
        }
        String said = message.toLowerCase(Locale.ROOT);
        return said.contains("on a closed connection")
                || said.contains("connection is closed")
                || said.contains("connection closed");
    }

    /** SQL state class 08: a connection exception. */
    private static boolean connectionState(Throwable failure) {
        return failure instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08");
    }
}
