package com.keyward.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.SecondContext;
import com.keyward.TestAccounts;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The database connection breaks exactly where the one empty 200 of DatabaseKillUnderLoadIT broke
 * (issue 31 item 1): at a transaction's begin, the driver's {@code setAutoCommit(false)} failing
 * with "Socket error" (SQL state 08000, Hikari marks the connection broken) because the server's
 * socket is gone. For each API GET the kill test calls, the first, second, third… transaction of
 * the request breaks in turn, with each way the socket's loss reaches the driver; every answer must
 * be a complete 200 JSON (the break came after the request's last begin) or a 503 problem+json,
 * and never the error filter's safety net for a 200 with nothing written.
 *
 * <p>The cause it pins down: Spring MVC (6.2+) takes any failure with an {@code EOFException}
 * among its causes, or "broken pipe" / "connection reset by peer" in its innermost message, for a
 * client that went away, and answers it with nothing at all. A lost database socket at a
 * transaction's begin or end ({@code CannotCreateTransactionException},
 * {@code TransactionSystemException}: not a {@code DataAccessException}, which it excludes) looked
 * exactly like that.
 */
@ExtendWith({SecondContext.class, OutputCaptureExtension.class})
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // every request looks its key and owner up, so that every begin of a request is reached, and a
        // failed lookup is not answered from the last one (the outage grace)
        properties = {"keyward.api.credential-cache=PT0S", "keyward.api.credential-grace=PT0S"})
class BrokenConnectionHttpTest {

    private static final List<String> PATHS =
            List.of("/api/v1/account", "/api/v1/account/keys", "/api/v1/users", "/api/v1/roles", "/api/v1/audit");
    private static final String BREAK_AT = "X-Test-Break-Begin";
    private static final String BREAK_HOW = "X-Test-Break-How";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the loss of the server's socket reaches MariaDB's driver (its own messages). */
    private static final Map<String, Supplier<IOException>> SOCKET_LOSSES = Map.of(
            "closed by the server",
            () -> new EOFException("unexpected end of stream, read 0 bytes from 4 (socket was closed by server)"),
            "reset",
            () -> new SocketException("Connection reset by peer"),
            "broken pipe",
            () -> new SocketException("Broken pipe"));

    /** The request at hand: which of its transactions' begins breaks (1 = the first), how, and the count so far. */
    private record Break(int at, String how, int[] begins) {}

    private static final ThreadLocal<@Nullable Break> BREAK = new ThreadLocal<>();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @TestConfiguration
    static class BreakingConnections {

        /** The request's headers arm the break for the request's own thread only. */
        @Bean
        FilterRegistrationBean<Filter> breakBegin() {
            var registration = new FilterRegistrationBean<Filter>((request, response, chain) -> {
                String at = ((HttpServletRequest) request).getHeader(BREAK_AT);
                String how = ((HttpServletRequest) request).getHeader(BREAK_HOW);
                BREAK.set(at == null || how == null ? null : new Break(Integer.parseInt(at), how, new int[1]));
                try {
                    chain.doFilter(request, response);
                } finally {
                    BREAK.remove();
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        /**
         * Hikari's physical connections come from a driver data source whose connections fail
         * {@code setAutoCommit(false)} as the driver does when the server's socket is gone: the
         * connection closed, "Socket error" with SQL state 08000 and the socket's failure as cause.
         * It runs first (its declared type says so before it exists), so that Keyward's own hook
         * ({@code db.PooledConnections}) wraps these.
         */
        @Bean
        static Breakable breakableConnections() {
            return new Breakable();
        }

        static class Breakable implements BeanPostProcessor, PriorityOrdered {
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource hikari && hikari.getDataSource() == null) {
                    hikari.setDataSource(breakable(new DriverDataSource(
                            hikari.getJdbcUrl(),
                            hikari.getDriverClassName(),
                            hikari.getDataSourceProperties(),
                            hikari.getUsername(),
                            hikari.getPassword())));
                }
                return bean;
            }
        }

        private static DataSource breakable(DataSource driver) {
            return (DataSource) Proxy.newProxyInstance(
                    DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = invoke(driver, method, args);
                        return result instanceof Connection connection ? breakable(connection) : result;
                    });
        }

        private static Connection breakable(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        Break armed = BREAK.get();
                        if (armed != null
                                && method.getName().equals("setAutoCommit")
                                && Boolean.FALSE.equals(args[0])
                                && ++armed.begins()[0] == armed.at()) {
                            connection.close();
                            throw new SQLNonTransientConnectionException(
                                    "(conn=9) Socket error",
                                    "08000",
                                    -1,
                                    SOCKET_LOSSES.get(armed.how()).get());
                        }
                        return invoke(connection, method, args);
                    });
        }

        private static @Nullable Object invoke(Object target, Method method, @Nullable Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException failed) {
                throw Objects.requireNonNull(failed.getCause());
            }
        }
    }

    @Test
    void aConnectionLostAtATransactionsBeginIsA503ProblemNeverAnEmptyAnswer(CapturedOutput output) throws Exception {
        String key =
                accounts.keyOf("admin", "ACCOUNT", "USERS", "ROLES", "AUDIT").key();
        List<String> wrong = new ArrayList<>();
        int outages = 0;
        for (String how : SOCKET_LOSSES.keySet()) {
            for (String path : PATHS) {
                for (int at = 1; at <= 12; at++) {
                    HttpResponse<String> answer = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                            .header("X-Api-Key", key)
                                            .header(BREAK_AT, Integer.toString(at))
                                            .header(BREAK_HOW, how)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    String type = answer.headers().firstValue("Content-Type").orElse("");
                    boolean complete =
                            answer.statusCode() == 200 && type.startsWith("application/json") && json(answer);
                    boolean outage = answer.statusCode() == 503
                            && type.startsWith("application/problem+json")
                            && answer.headers().firstValue("Retry-After").isPresent()
                            && json(answer);
                    if (!complete && !outage) {
                        wrong.add(path + ", begin " + at + " lost (" + how + "): " + answer.statusCode() + " '" + type
                                + "' " + answer.body());
                    }
                    if (outage) {
                        outages++;
                    }
                    if (complete) {
                        break; // past the request's last begin
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // each path has at least its key's lookup and its own read to break
        assertThat(outages).isGreaterThanOrEqualTo(SOCKET_LOSSES.size() * PATHS.size() * 2);
        // the error filter's safety net was never needed: no work ended as a 200 with nothing written
        assertThat(output.getAll()).contains("API request failed, the database is away");
        assertThat(output.getAll()
                        .lines()
                        .filter(line -> line.contains("API request ended with 200 and nothing written")))
                .isEmpty();
    }

    private static boolean json(HttpResponse<String> answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            return body.isObject() || body.isArray();
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
