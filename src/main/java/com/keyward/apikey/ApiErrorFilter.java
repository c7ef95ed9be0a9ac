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
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The first filter of the API's chain: whatever goes wrong below it still answers as an RFC 9457
 * problem, never as the container's error page or a redirect to the sign-in page (which an error
 * dispatch to {@code /error} would hit); and no request under {@code /api/**} ever gets a session.
 *
 * <p>Nothing below it reaches the client before the work is done: the answer is held in memory
 * ({@link ContentCachingResponseWrapper}: a flush does not flush, nothing commits) and sent with
 * its {@code Content-Length} only once the chain has returned. A failure at any point therefore
 * replaces whatever was written with a problem, and a {@code 200} with an empty or cut-off body
 * cannot happen by design (issue 31: a flush before a failure committed {@code 200} with nothing
 * in it). Should a response be committed anyway when something fails, the failure goes on to the
 * container, which closes the connection (the client sees an error, never a finished answer).
 *
 * <p>A problem keeps the headers set before the API's work began (request id, security headers,
 * {@code Cache-Control}): the body is replaced, not the response.
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
            throws IOException, ServletException {
        if (!database.reachable() && !ApiSetPath.INTROSPECTION.path().equals(request.getRequestURI())) {
            // known to be away: answer at once rather than after waiting for a connection.
            // Introspection needs only key lookups, which known keys get through a short outage
            // (ApiKeyAuthenticator's grace); any other key gets 503 there, just as at once.
            unavailable(request, response);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        answer(request, held, chain);
        if (emptySuccess(request, held)) {
            // every API answer of 200 has a body; one without is a failure nobody reported, never a success
            // (as Spring MVC did with a lost database socket it took for a lost client: see
            // ops.DatabaseSocketsAreNotClients; this stays as the net for any other such swallowing)
            log.error(
                    "API request ended with 200 and nothing written; answering 503 instead: {} {}",
                    request.getMethod(),
                    request.getRequestURI());
            unavailable(request, held);
        }
        // the first byte the client gets: the whole answer, with its Content-Length
        held.copyBodyToResponse();
    }

    private void answer(HttpServletRequest request, ContentCachingResponseWrapper response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(new Sessionless(request), new ProblemOnError(request, response));
        } catch (InvalidParameterException badParameters) {
            problem(
                    request,
                    response,
                    badParameters.getErrorCode() > 0 ? badParameters.getErrorCode() : 400,
                    "The query string or form could not be decoded (is it UTF-8?).");
        } catch (IOException | ServletException | RuntimeException failure) {
            if (response.isCommitted()) {
                // on to the container, which closes the connection rather than end a started answer
                log.error(
                        "API request failed after its answer was sent; closing the connection: {} {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        failure);
                throw failure;
            }
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

    private static boolean emptySuccess(HttpServletRequest request, ContentCachingResponseWrapper response) {
        return response.getStatus() == 200
                && response.getContentSize() == 0
                && !response.isCommitted()
                && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod());
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
        replaceBody(response);
        response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
        Problems.write(response, 503, "Service Unavailable", DATABASE_AWAY, request.getRequestURI());
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        replaceBody(response);
        HttpStatus known = HttpStatus.resolve(status);
        Problems.write(
                response, status, known == null ? "Error" : known.getReasonPhrase(), detail, request.getRequestURI());
    }

    /**
     * Drops what the failed work wrote, keeping the headers: not {@code reset()}, which would also
     * drop the request id and the security headers set in front of the API (issue 31).
     */
    private static void replaceBody(HttpServletResponse response) {
        if (response.isCommitted()) {
            throw new IllegalStateException("the answer is committed already");
        }
        response.resetBuffer();
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
