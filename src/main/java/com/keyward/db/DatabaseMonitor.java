package com.keyward.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
 * Knows, within about half a second, whether the database answers: one connection of its own
 * (outside the pool, so that a busy pool never looks like an outage) checked every
 * {@code keyward.db.check-interval} with a one-second bound.
 *
 * <p>What it knows drives readiness (an instance that cannot reach the database takes no traffic,
 * and takes it again as soon as it can), lets the API answer 503 at once instead of waiting for a
 * connection, and tells open consoles to show or hide their "database unavailable" banner.
 */
@Component
public class DatabaseMonitor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);
    private static final Duration SLOW = Duration.ofMillis(900);

    private final DataSourceProperties database;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "keyward-db-monitor");
        thread.setDaemon(true);
        return thread;
    });

    private volatile boolean reachable = true;
    private @Nullable Connection connection;
    /** Checks in a row that got no answer within their second (a busy machine, or a hung server). */
    private int slowChecks;

    DatabaseMonitor(
            DataSourceProperties database,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            @Value("${keyward.db.check-interval:PT0.5S}") Duration interval) {
        this.database = database;
        this.events = events;
        this.interval = interval;
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

    void check() {
        long started = System.nanoTime();
        boolean now = answers();
        if (now) {
            slowChecks = 0;
        } else if (System.nanoTime() - started >= SLOW.toNanos() && ++slowChecks < 2) {
            // one slow answer under heavy load is not an outage (that would turn a busy node away);
            // a refused or broken connection is, at once, and so is a second slow answer in a row
            return;
        }
        if (now == reachable) {
            return;
        }
        reachable = now;
        if (now) {
            log.info("The database answers again; taking traffic.");
        } else {
            log.warn("The database does not answer; refusing traffic until it does.");
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

    private boolean answers() {
        try {
            Connection current = connection;
            if (current == null) {
                current = connect();
                connection = current;
            }
            if (current.isValid(1)) {
                return true;
            }
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
        properties.setProperty("connectTimeout", "1000");
        properties.setProperty("socketTimeout", "1000");
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
