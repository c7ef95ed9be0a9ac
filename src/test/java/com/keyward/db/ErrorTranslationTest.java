package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.support.SQLErrorCodesFactory;

/**
 * Spring translates a failed statement or rollback by the database's error codes, which it looks
 * up over a pooled connection the first time it needs them. During an outage every failure then
 * waited for the pool's timeout (1.5 s) on top of its own: a request in flight at a freeze answered
 * after 3 s. Learnt at start, while the database answers, they need no connection later.
 */
@KeywardTest
class ErrorTranslationTest {

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.hikari.maximum-pool-size}")
    int poolSize;

    @Test
    void theDatabasesErrorCodesAreKnownWithoutAConnection() throws Exception {
        List<Connection> heldByOthers = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                heldByOthers.add(dataSource.getConnection());
            }
            assertThat(SQLErrorCodesFactory.getInstance().resolveErrorCodes(dataSource))
                    .as("error codes while no connection is to be had")
                    .isNotNull()
                    .satisfies(codes -> assertThat(codes.getDuplicateKeyCodes()).contains("1062"));
        } finally {
            for (Connection connection : heldByOthers) {
                connection.close();
            }
        }
    }
}
