package com.keyward.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When the monitor sees the database back, the pool replaces the connections that lived through
 * the outage (idle ones at once, busy ones when they are returned): one that a network drop or a
 * server restart cut would otherwise cost its next borrower the validation bound.
 */
@Component
class PoolRenewal {

    private static final Logger log = LoggerFactory.getLogger(PoolRenewal.class);

    PoolRenewal(DatabaseMonitor monitor, DataSource dataSource) {
        monitor.subscribe(back -> {
            if (back) {
                renew(dataSource);
            }
        });
    }

    private static void renew(DataSource dataSource) {
        try {
            HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        } catch (SQLException notHikari) {
            log.debug("The data source is not Hikari's: its connections are not renewed after an outage");
        }
    }
}
