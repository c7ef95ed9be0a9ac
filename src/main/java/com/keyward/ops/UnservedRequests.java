package com.keyward.ops;

import com.keyward.validation.Translations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests Keyward does not serve, refused before anything else reads them, as RFC 9457 problems
 * (after the security headers are set): a method other than the ones the console and the API use
 * (TRACE, PROPFIND, made-up ones) gets 405, not the sign-in redirect; a form Tomcat will not decode
 * gets 413 (larger than {@code server.tomcat.max-http-form-post-size}) or 400 (more fields than
 * {@code server.tomcat.max-parameter-count}, or not UTF-8), not a 500 from whichever filter asked
 * for a parameter first. Under /api the detail is English; elsewhere in the browser's language.
 */
public final class UnservedRequests extends OncePerRequestFilter {

    static final Set<String> SERVED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final long maxFormBytes;

    UnservedRequests(long maxFormBytes) {
        this.maxFormBytes = maxFormBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SERVED.contains(request.getMethod())) {
            response.setHeader("Allow", ALLOW);
            refuse(request, response, 405, text(request, "error.request.method", request.getMethod()));
            return;
        }
        try {
            if (!multipart(request) && (request.getQueryString() != null || form(request))) {
                // decoded here, once, so that a query or form Tomcat refuses is answered here (never
                // an upload's parts: those are the upload handler's to read, within its limit)
                request.getParameterMap();
            }
            chain.doFilter(request, response);
        } catch (RuntimeException failure) {
            InvalidParameterException unreadable = unreadable(failure);
            if (unreadable == null || response.isCommitted()) {
                throw failure;
            }
            int status = unreadable.getErrorCode() == 413 ? 413 : 400;
            refuse(
                    request,
                    response,
                    status,
                    status == 413
                            ? text(request, "error.request.formtoolarge", maxFormBytes / 1024)
                            : text(request, "error.request.formunreadable"));
        }
    }

    /** Error dispatches too: Tomcat itself refuses TRACE with a 405 that its error page would turn into a redirect. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean form(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null
                && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                && !"GET".equals(request.getMethod());
    }

    private static @Nullable InvalidParameterException unreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** The body only: the security headers set before this filter stay. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        response.resetBuffer();
        ProblemJson.write(response, status, ProblemJson.title(status), detail, request.getRequestURI());
    }

    private static String text(HttpServletRequest request, String key, Object... args) {
        return Translations.text(api(request) ? Locale.ENGLISH : request.getLocale(), key, args);
    }

    static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/api/");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<UnservedRequests> unservedRequests(
                @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm) {
            var registration = new FilterRegistrationBean<>(new UnservedRequests(maxForm.toBytes()));
            // after the request id and the security headers, before everything else
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }

        /**
         * Tomcat refuses TRACE itself, but through its error page, which the sign-in redirect then
         * answers (302 /login). Let it through to the filter above, which refuses it with 405
         * before any servlet could echo the request's headers (cross-site tracing).
         */
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> traceToTheFilter() {
            return factory -> factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        }
    }
}
