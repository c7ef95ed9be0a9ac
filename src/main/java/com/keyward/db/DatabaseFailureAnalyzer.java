package com.keyward.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "cannot reach the database" start-up failures into one cause line and one action line
 * instead of a wall of stack traces: a URL that is not a JDBC URL, a host that does not resolve,
 * a port nobody listens on, a database that does not exist, a user or password refused.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final String SETTINGS =
            "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String message = oneLine(cause.getMessage());
        UnknownHostException unknownHost = find(cause, UnknownHostException.class);
        if (unknownHost != null || message.contains("UnknownHost") || message.matches(".*connect to (\\S+)\\. \\1$")) {
            return analysis(
                    "the database host in SPRING_DATASOURCE_URL cannot be resolved (" + message + ").",
                    "Correct the host name in SPRING_DATASOURCE_URL (jdbc:mariadb://<host>:<port>/<database>), or "
                            + "check this machine's DNS.",
                    cause);
        }
        if (find(cause, ConnectException.class) != null || message.contains("Connection refused")) {
            return analysis(
                    "nothing accepts connections at the database address in SPRING_DATASOURCE_URL (" + message + ").",
                    "Start MariaDB, or correct the host and port in SPRING_DATASOURCE_URL.",
                    cause);
        }
        if (cause.getErrorCode() == 1049 || cause.getErrorCode() == 1044) {
            return analysis(
                    "the database named in SPRING_DATASOURCE_URL does not exist, or the user has no rights on it ("
                            + message + ").",
                    "Create it (CREATE DATABASE keyward CHARACTER SET utf8mb4) and grant the user all rights on it, "
                            + "or correct the database name in SPRING_DATASOURCE_URL.",
                    cause);
        }
        if (cause.getErrorCode() == 1045 || "28000".equals(cause.getSQLState())) {
            return analysis(
                    "the database refused the user name or password (" + message + ").",
                    "Correct SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, or grant that user access "
                            + "from this host.",
                    cause);
        }
        return analysis(
                message, "Check " + SETTINGS + ", or unset SPRING_DATASOURCE_URL to use the embedded MariaDB.", cause);
    }

    private static FailureAnalysis analysis(String cause, String action, Throwable failure) {
        return new FailureAnalysis("Keyward cannot use its database: " + cause, action, failure);
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String oneLine(@Nullable String message) {
        return message == null
                ? "no reason given"
                : message.replaceAll("\\s+", " ").trim();
    }
}
