package com.keyward.ui;

import com.keyward.apiset.ApiSetPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, in front of everything else (static files and the
 * container's own error pages included, which Spring Security's headers do not reach).
 *
 * <p>The pages' Content-Security-Policy is as strict as Vaadin Flow allows: Flow's bootstrap page
 * carries inline scripts and its client runs server-sent JavaScript through {@code new Function}
 * ({@code executeJs}), so scripts need {@code 'unsafe-inline' 'unsafe-eval'}; Lumo and the web
 * components set inline styles, so styles need {@code 'unsafe-inline'}. Everything else is this
 * origin only; no framing, no plugins, forms post only here. API responses get {@code default-src
 * 'none'}: they are data, never a document.
 *
 * <p>Dynamic responses are {@code no-store}: a reply of the UI can carry a new API key, which no
 * cache may keep. Vaadin sets {@code no-cache} on its replies; that is overridden here. Introspection
 * answers are the exception: their callers may keep them for the 5 s that revocations take anyway.
 */
@Configuration
public class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()";
    /** Versioned or public static files, which browsers may cache. */
    private static final List<String> STATIC = List.of(
            "/VAADIN/build/",
            "/VAADIN/static/",
            "/lumo/",
            "/styles/",
            "/icons/",
            "/swagger-ui/",
            "/webjars/",
            "/favicon.ico");

    /** Files whose names change with their content: cached for a year, never asked for again. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** The other static files (stylesheets, icons): a day, then checked against their ETag. */
    static final String ONE_DAY = "public, max-age=86400";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                apply(path, response);
                if (STATIC.stream().anyMatch(path::startsWith)) {
                    String lifetime = path.startsWith("/VAADIN/build/") ? IMMUTABLE : ONE_DAY;
                    response.setHeader("Cache-Control", lifetime);
                    chain.doFilter(request, new Pinned(response));
                    return;
                }
                if (path.equals(ApiSetPath.INTROSPECTION_PATH)) {
                    // RFC 7662 answers say themselves how long a caller may keep them (5 s)
                    chain.doFilter(request, response);
                    return;
                }
                response.setHeader("Cache-Control", "no-store");
                chain.doFilter(request, new Pinned(response));
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * The headers every response carries, by path; also for the answers the container writes
     * itself ({@link ContainerErrorPages}), which no filter sees.
     */
    static void apply(String path, HttpServletResponse response) {
        boolean api = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/api-docs");
        response.setHeader("Content-Security-Policy", api ? API_POLICY : PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", PERMISSIONS);
    }

    /** Keeps the {@code Cache-Control} set here ({@code no-store}, or a static file's lifetime) whatever the application sets later. */
    private static final class Pinned extends HttpServletResponseWrapper {

        Pinned(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!caching(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!caching(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!caching(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!caching(name)) {
                super.addDateHeader(name, date);
            }
        }

        private static boolean caching(String name) {
            return "Cache-Control".equalsIgnoreCase(name)
                    || "Expires".equalsIgnoreCase(name)
                    || "Pragma".equalsIgnoreCase(name);
        }
    }
}
