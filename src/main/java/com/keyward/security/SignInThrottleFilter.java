package com.keyward.security;

import com.keyward.db.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password attempts before any of them is checked: per client address (one source
 * trying many accounts) and per username (many sources trying one account). A refused attempt
 * costs no password hash and no database access, and does not count towards the account's lock.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED = "throttled";

    private final Throttle perAddress;
    private final Throttle perUsername;

    SignInThrottleFilter(Throttle perAddress, Throttle perUsername) {
        this.perAddress = perAddress;
        this.perUsername = perUsername;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !("/" + LoginView.ROUTE)
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait;
        try {
            wait = perAddress.take(request.getRemoteAddr());
            if (wait == 0) {
                String username = request.getParameter("username");
                // usernames compare case-insensitively in the database: so do their buckets
                wait = perUsername.take(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException failure) {
            if (!DatabaseOutage.causes(failure)) {
                throw failure;
            }
            response.sendRedirect(request.getContextPath() + "/" + LoginView.ROUTE + "?" + LoginView.DATABASE_AWAY);
            return;
        }
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            response.sendRedirect(request.getContextPath() + "/" + LoginView.ROUTE + "?" + THROTTLED);
            return;
        }
        chain.doFilter(request, response);
    }
}
