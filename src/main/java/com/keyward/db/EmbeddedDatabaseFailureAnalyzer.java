package com.keyward.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports why the embedded MariaDB did not start, in one line, without a stack trace. */
public class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        return new FailureAnalysis(
                "Keyward could not start its embedded database: " + cause.getMessage(),
                "Free disk space, make keyward.embedded-db.dir writable, stop the other Keyward using it, "
                        + "or set SPRING_DATASOURCE_URL to use an external MariaDB.",
                cause);
    }
}
