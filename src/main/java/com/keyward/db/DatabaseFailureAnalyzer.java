package com.keyward.db;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "cannot reach the database" start-up failures (bad URL, unreachable host, wrong password)
 * into a short cause and action instead of a wall of stack traces.
 */
public class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        return new FailureAnalysis(
                "Keyward cannot use its database: " + oneLine(String.valueOf(cause.getMessage())),
                "Check SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, "
                        + "or unset SPRING_DATASOURCE_URL to use the embedded MariaDB.",
                cause);
    }

    private static String oneLine(String message) {
        return message == null
                ? "no reason given"
                : message.replaceAll("\\s+", " ").trim();
    }
}
