package com.keyward.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Knows every connection the pool has opened to the database, so that when the database freezes
 * (SIGSTOP, a network that silently drops everything) they can be cut at once: a statement waiting
 * for a frozen server's answer ends with a connection failure (503) instead of waiting for as long
 * as the freeze, and the pool replaces what it had.
 *
 * <p>Why not a socket timeout on every connection: a live server may rightly take long to answer
 * (a lock held by another node's transaction on Galera, a migration, a large count), and a timeout
 * short enough for a request cannot tell that from a frozen server. {@link DatabaseMonitor} can: it
 * asks on a connection of its own and takes silence for a freeze only when no other statement was
 * answered meanwhile either; it then calls {@link #cutAll()}.
 *
 * <p>Hooked into Boot's Hikari pool before it starts: the pool opens its connections through this
 * class, from the same URL, driver, properties and credentials it would have used itself.
 */
@Component
public final class PooledConnections implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(PooledConnections.class);

    /** While the database is away, the pool waits this long at most before it tries to connect anyway. */
    private static final Duration WAIT_WHILE_AWAY = Duration.ofSeconds(10);

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private @Nullable HikariDataSource pool;
    /** Open while the database is away: new connections wait for it to be back. */
    private volatile @Nullable CountDownLatch away;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari
                && (hikari.getDataSource() != null || hikari.getJdbcUrl() != null)) {
            DataSource given = hikari.getDataSource();
            hikari.setDataSource(new Tracked(
                    given != null
                            ? given
                            : new DriverDataSource(
                                    hikari.getJdbcUrl(),
                                    hikari.getDriverClassName(),
                                    hikari.getDataSourceProperties(),
                                    hikari.getUsername(),
                                    hikari.getPassword())));
            pool = hikari;
        }
        return bean;
    }

    /**
     * Cuts every open connection, each on a thread of its own: the driver ends a statement still
     * waiting by asking the server to kill it over a new connection, which against a frozen server
     * waits up to the connect timeout before the socket is closed anyway.
     */
    void cutAll() {
        away = new CountDownLatch(1);
        List<Connection> cut = new ArrayList<>(open);
        open.removeAll(cut);
        HikariDataSource hikari = pool;
        if (hikari != null) {
            HikariPoolMXBean mx = hikari.getHikariPoolMXBean();
            if (mx != null) {
                // idle ones are closed now, those in use when they come back
                mx.softEvictConnections();
            }
        }
        for (Connection connection : cut) {
            Thread.ofVirtual().name("keyward-db-cut").start(() -> abort(connection));
        }
        log.debug("Cut {} database connections", cut.size());
    }

    /** The database answers again: connections the pool is waiting to make are made now. */
    void reopen() {
        CountDownLatch latch = away;
        away = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /**
     * Hikari backs off between failed attempts to connect, up to 5 s: after a freeze of half a
     * minute its next attempt would come seconds after the database is back, and requests wait for
     * it (p99 1.0-1.4 s in the first 5 s after SIGCONT). Waiting for the monitor's word instead is
     * not a failure, so there is no backoff, and the connection is made as soon as the database answers.
     */
    private void waitWhileAway() throws SQLException {
        CountDownLatch latch = away;
        if (latch == null) {
            return;
        }
        try {
            latch.await(WAIT_WHILE_AWAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("Interrupted while waiting for the database", "08001");
        }
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException failure) {
            log.debug("Cutting a database connection failed: {}", failure.toString());
        }
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException failure) {
            return true;
        }
    }

    private final class Tracked extends DelegatingDataSource {

        Tracked(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            waitWhileAway();
            return track(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            waitWhileAway();
            return track(super.getConnection(username, password));
        }

        private Connection track(Connection connection) {
            open.removeIf(PooledConnections::closed);
            open.add(connection);
            return connection;
        }
    }
}
