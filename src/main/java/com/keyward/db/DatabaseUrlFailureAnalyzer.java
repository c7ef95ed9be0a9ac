package com.keyward.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A database URL that cannot be right, in one cause line and one action line. */
public class DatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUrlException cause) {
        return new FailureAnalysis(
                "Keyward cannot use its database: " + cause.getMessage(),
                "Write SPRING_DATASOURCE_URL as jdbc:mariadb://<host>:<port>/<database>, or unset it to use the "
                        + "embedded MariaDB.",
                cause);
    }
}
