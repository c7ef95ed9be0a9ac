package com.keyward.user;

import static com.keyward.db.jooq.Tables.INSTALLATION;

import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The one row about the installation itself: since when it has had an Admin. */
@Repository
class InstallationRepository {

    private final DSLContext dsl;

    InstallationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean adminEstablished() {
        return dsl.fetchExists(INSTALLATION, INSTALLATION.ADMIN_ESTABLISHED_AT.isNotNull());
    }

    /** Remembers the first time; later calls change nothing. */
    void establishAdmin(Instant at) {
        dsl.update(INSTALLATION)
                .set(INSTALLATION.ADMIN_ESTABLISHED_AT, at)
                .where(INSTALLATION.ADMIN_ESTABLISHED_AT.isNull())
                .execute();
    }
}
