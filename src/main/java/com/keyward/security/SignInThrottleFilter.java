package com.keyward.security;

import com.keyward.db.DatabaseOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles password attempts before any of them is checked ({@link SignInThrottle}). A refused
 * attempt costs no password hash and no account look-up; a successful one is given back.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    static final String THROTTLED = "throttled";

    private static final Logger log = LoggerFactory.getLogger(SignInThrottleFilter.class);

    private final SignInThrottle throttle;
    private final Counter throttled;

    SignInThrottleFilter(SignInThrottle throttle, MeterRegistry meters) {
        this.throttle = throttle;
        this.throttled = meters.counter("keyward.sign-ins", "outcome", "throttled");
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
        SignInThrottle.Decision decision;
        try {
            String username = request.getParameter("username");
            decision = throttle.attempt(username == null ? "" : username, request.getRemoteAddr());
        } catch (RuntimeException failure) {
            if (!DatabaseOutage.causes(failure)) {
                throw failure;
            }
            response.sendRedirect(request.getContextPath() + "/" + LoginView.ROUTE + "?" + LoginView.DATABASE_AWAY);
            return;
        }
        switch (decision) {
            case SignInThrottle.Decision.Wait(long seconds) -> {
                throttled.increment();
                response.setHeader("Retry-After", Long.toString(seconds));
                response.sendRedirect(request.getContextPath() + "/" + LoginView.ROUTE + "?" + THROTTLED);
            }
            case SignInThrottle.Decision.Go(SignInThrottle.Attempt attempt) -> {
                chain.doFilter(request, response);
                if (signedIn()) {
                    giveBack(attempt);
                }
            }
        }
    }

    /** Form login put the new sign-in into the context on success (and nothing on failure). */
    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private void giveBack(SignInThrottle.Attempt attempt) {
        try {
            throttle.succeeded(attempt);
        } catch (RuntimeException failure) {
            // the person is signed in; at worst this success counts as a failure
            log.warn("A successful sign-in could not be taken off the sign-in throttle: {}", failure.toString());
        }
    }
}
