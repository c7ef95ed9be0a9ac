package com.keyward.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says, in one paragraph, why an older release refuses a newer schema and the two ways on. */
public class SchemaTooNewFailureAnalyzer extends AbstractFailureAnalyzer<SchemaTooNewException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaTooNewException cause) {
        return new FailureAnalysis(
                "Keyward refuses to start: its database was upgraded by a newer Keyward release (schema version "
                        + cause.applied() + "; this release knows versions up to " + cause.known()
                        + "). An older release on a newer schema would misread or lose data, so nothing was changed.",
                "Start the newer release again, or, to go back to this release, restore the backup taken before the "
                        + "upgrade (java -jar keyward.jar restore FILE; the embedded database keeps one as "
                        + "backups/keyward-before-V<version>-<time>.sql next to its data folder) and start this "
                        + "release on it.",
                cause);
    }
}
