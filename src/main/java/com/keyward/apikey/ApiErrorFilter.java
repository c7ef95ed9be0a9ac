package com.keyward.apikey;

import com.keyward.apiset.ApiSetPath;
import com.keyward.db.DatabaseMonitor;
import com.keyward.db.DatabaseOutage;
import jakarta.annotation.Nullable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter of the API's chain: whatever goes wrong below it still answers as an RFC 9457
 * problem, never as the container's error page or a redirect to the sign-in page (which an error
 * dispatch to {@code /error} would hit); and no request under {@code /api/**} ever gets a session.
 */
class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorFilter.class);
    private static final String DATABASE_AWAY =
            "The service cannot reach its database right now. Try again in a few seconds.";

    private final DatabaseMonitor database;

    ApiErrorFilter(DatabaseMonitor database) {
        this.database = database;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        if (!database.reachable() && !ApiSetPath.INTROSPECTION.path().equals(request.getRequestURI())) {
            // known to be away: answer at once rather than after waiting for a connection.
            // Introspection needs only key lookups, which known keys get through a short outage
            // (ApiKeyAuthenticator's grace); any other key gets 503 there, just as at once.
            unavailable(request, response);
            return;
        }
        ProblemOnError answer = new ProblemOnError(request, response);
        try {
            chain.doFilter(new Sessionless(request), answer);
        } catch (InvalidParameterException badParameters) {
            problem(
                    request,
                    response,
                    badParameters.getErrorCode() > 0 ? badParameters.getErrorCode() : 400,
                    "The query string or form could not be decoded (is it UTF-8?).");
        } catch (IOException | ServletException | RuntimeException failure) {
            if (causedBy(failure, InvalidParameterException.class)) {
                // read by Spring MVC, which wraps it
                problem(request, response, 400, "The query string or form could not be decoded (is it UTF-8?).");
                return;
            }
            if (DatabaseOutage.causes(failure)) {
                log.warn(
                        "API request failed, the database is away: {} {}: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        failure.toString());
                unavailable(request, response);
                return;
            }
            log.error("API request failed: {} {}", request.getMethod(), request.getRequestURI(), failure);
            problem(request, response, 500, "The request could not be completed. It has been logged.");
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        Problems.write(response, 503, "Service Unavailable", DATABASE_AWAY, request.getRequestURI());
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        HttpStatus known = HttpStatus.resolve(status);
        Problems.write(
                response, status, known == null ? "Error" : known.getReasonPhrase(), detail, request.getRequestURI());
    }

    /** {@code sendError} from anywhere below (a servlet, Spring MVC) writes a problem instead. */
    private static final class ProblemOnError extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        ProblemOnError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, @Nullable String message) throws IOException {
            HttpStatus known = HttpStatus.resolve(status);
            problem(
                    request,
                    (HttpServletResponse) getResponse(),
                    status,
                    known == null
                            ? "Error"
                            : switch (known) {
                                case NOT_FOUND -> "There is no API resource at this path.";
                                case METHOD_NOT_ALLOWED -> "This method is not allowed on this API resource.";
                                case NOT_ACCEPTABLE ->
                                    "The API answers with application/json or application/problem+json only.";
                                default -> known.getReasonPhrase() + ".";
                            });
        }
    }

    /** The API is stateless: nothing below may create a session. */
    private static final class Sessionless extends HttpServletRequestWrapper {

        Sessionless(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(false);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return super.getSession(false);
        }
    }
}
