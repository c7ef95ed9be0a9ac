package com.keyward.ops;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A lost database connection is never taken for a client that went away (issue 31: the one
 * {@code 200} with nothing in it in 20 {@code kill -9} runs).
 *
 * <p>Spring MVC's {@link DefaultHandlerExceptionResolver} (6.2+) takes every failure with an
 * {@code EOFException} among its causes, or "broken pipe" / "connection reset by peer" in its
 * innermost message, for a client that disconnected, and "handles" it by doing nothing: the
 * request ends without an exception, with the status it had (200) and nothing written. It excludes
 * Spring's {@code DataAccessException}, but a connection lost at a transaction's begin or end
 * surfaces as a {@code TransactionException} ({@code CannotCreateTransactionException},
 * {@code TransactionSystemException}), and MariaDB's driver reports a server that closed its
 * socket as "Socket error" caused by {@code EOFException}: exactly the shape of a client gone
 * away. Here such a failure, with the database in its chain, is not handled: it goes on like any
 * other failure (the API's error filter answers 503 and logs the outage).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSocketsAreNotClients implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.replaceAll(resolver -> resolver.getClass() == DefaultHandlerExceptionResolver.class
                ? new OnlyTheClientsOwnDisconnects()
                : resolver);
    }

    /** Spring MVC's defaults, except for a database's lost socket that looks like a lost client. */
    static final class OnlyTheClientsOwnDisconnects extends DefaultHandlerExceptionResolver {

        @Override
        protected @Nullable ModelAndView doResolveException(
                HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
            if (DisconnectedClientHelper.isClientDisconnectedException(ex) && fromTheDatabase(ex)) {
                return null;
            }
            return super.doResolveException(request, response, handler, ex);
        }

        /** The database's driver, connection pool or transactions are in the chain: its socket, not the client's. */
        static boolean fromTheDatabase(Throwable failure) {
            for (Throwable cause = failure;
                    cause != null;
                    cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof SQLException
                        || cause instanceof DataAccessException
                        || cause instanceof TransactionException) {
                    return true;
                }
            }
            return false;
        }
    }
}
