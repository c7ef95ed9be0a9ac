package com.keyward.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Knows, within a second, whether the database answers: one connection of its own (outside the
 * pool, so that a busy pool never looks like an outage) checked every {@code
 * keyward.db.check-interval} (a quarter second), each check bounded by {@code
 * keyward.db.check-timeout} (0.4 s) on the socket, so that a frozen server is noticed, not waited
 * for.
 *
 * <p>A refused connection is an outage at once (a broken one is replaced once first). A check that
 * got no answer in time is one only when no other statement was answered meanwhile either ({@link
 * #answered}, told by every jOOQ statement): a server busy with the pool's work under heavy load
 * still answers those, a frozen one (SIGSTOP, a silent network drop) answers nothing. Then the
 * pool's connections are cut ({@link PooledConnections}), so that no request waits for the frozen
 * server either.
 *
 * <p>What it knows drives readiness (an instance that cannot reach the database takes no traffic,
 * and takes it again as soon as it can), lets the API answer 503 at once instead of waiting for a
 * connection, and tells open consoles to show or hide their "database unavailable" banner.
 */
@Component
public class DatabaseMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);

    private final DataSourceProperties database;
    private final PooledConnections pooled;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private final Duration timeout;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "keyward-db-monitor");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean reachable = true;
    /** When a statement last got its answer from the database (System.nanoTime()). */
    private volatile long lastAnswer = System.nanoTime();

    private @Nullable Connection connection;

    DatabaseMonitor(
            DataSourceProperties database,
            PooledConnections pooled,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            @Value("${keyward.db.check-interval:PT0.25S}") Duration interval,
            @Value("${keyward.db.check-timeout:PT0.4S}") Duration timeout) {
        this.database = database;
        this.pooled = pooled;
        this.events = events;
        this.interval = interval;
        this.timeout = timeout;
        Gauge.builder("keyward.database.reachable", this, monitor -> monitor.reachable ? 1 : 0)
                .description("1 while the database answers, 0 while it is away")
                .register(meters);
    }

    /** Starts checking once the application is ready (Boot has declared readiness by then). */
    @EventListener(ApplicationReadyEvent.class)
    @SuppressWarnings("FutureReturnValueIgnored") // check() never throws; shutdownNow() ends it
    void start() {
        checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean reachable() {
        return reachable;
    }

    /**
     * Calls {@code listener} with {@code false} when the database goes away and {@code true} when
     * it is back, on the monitor's thread. The returned handle removes it.
     */
    public Runnable subscribe(Consumer<Boolean> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A statement got its answer: the database is there, however slow the monitor's own check. */
    public void answered() {
        lastAnswer = System.nanoTime();
    }

    void check() {
        long started = System.nanoTime();
        boolean now = answers();
        if (!now && System.nanoTime() - started >= timeout.toNanos() * 9 / 10 && lastAnswer - started > 0) {
            // no answer in time, but the pool's statements got theirs meanwhile: a busy server (the
            // monitor took one slow check under wrk -c200 for an outage once), not a hung one
            return;
        }
        if (now == reachable) {
            return;
        }
        reachable = now;
        if (now) {
            pooled.reopen();
            log.info("The database answers again; taking traffic.");
        } else {
            log.warn("The database does not answer; refusing traffic until it does.");
            // statements waiting for a frozen server would wait as long as it stays frozen
            pooled.cutAll();
        }
        AvailabilityChangeEvent.publish(
                events, this, now ? ReadinessState.ACCEPTING_TRAFFIC : ReadinessState.REFUSING_TRAFFIC);
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException failure) {
                log.debug("A database status listener failed", failure);
            }
        }
    }

    /**
     * Whether the database answers a statement within the timeout. A connection that fails at
     * once (its server was killed or restarted; on Galera, the node it was on left) is replaced
     * once before the answer is no: the driver then connects to whichever server of the URL answers.
     */
    private boolean answers() {
        boolean hadConnection = connection != null;
        long started = System.nanoTime();
        if (ping()) {
            return true;
        }
        boolean failedAtOnce = System.nanoTime() - started < timeout.toNanos() / 2;
        return hadConnection && failedAtOnce && ping();
    }

    private boolean ping() {
        try {
            Connection current = connection;
            if (current == null) {
                current = connect();
                connection = current;
            }
            // a statement, not isValid(): MariaDB's driver bounds isValid(seconds) by whole seconds,
            // overriding the socket timeout below
            try (Statement statement = current.createStatement()) {
                statement.execute("SELECT 1");
            }
            return true;
        } catch (SQLException | RuntimeException unreachable) {
            log.debug("Database check failed: {}", unreachable.toString());
        }
        closeConnection();
        return false;
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        String user = database.determineUsername();
        String password = database.determinePassword();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String bound = Long.toString(timeout.toMillis());
        properties.setProperty("connectTimeout", bound);
        properties.setProperty("socketTimeout", bound);
        return DriverManager.getConnection(database.determineUrl(), properties);
    }

    private void closeConnection() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
        closeConnection();
    }
}
