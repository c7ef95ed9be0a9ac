package com.keyward.db;

import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.support.SQLErrorCodesFactory;
import org.springframework.stereotype.Component;

/**
 * Spring translates a failed statement, commit or rollback by the database's error codes, which it
 * looks up over a pooled connection the first time it needs them, and again after every lookup that
 * failed. The first failures of an outage then each waited the pool's timeout (1.5 s) for that
 * lookup on top of their own: a request in flight when the database froze answered after 3 s. They
 * are learnt here, once, while the database answers; the lookups later find them cached.
 */
@Component
class ErrorCodesAtStart {

    private final DataSource dataSource;

    ErrorCodesAtStart(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener(ApplicationReadyEvent.class)
    void learn() {
        SQLErrorCodesFactory.getInstance().getErrorCodes(dataSource);
    }
}
