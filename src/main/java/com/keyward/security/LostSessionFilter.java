package com.keyward.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page opened with a session cookie this node does not know — the node that had the session is
 * gone, or the session timed out — marks the new session, so that the sign-in page the person is
 * sent to says "Your session ended", and Spring Security's saved request brings them back to the
 * page they were on. Runs before Spring Security, which saves that request.
 */
class LostSessionFilter extends OncePerRequestFilter {

    static final String LOST_ATTRIBUTE = LostSessionFilter.class.getName() + ".lost";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        return !"GET".equals(request.getMethod())
                || accept == null
                || !accept.contains("text/html")
                || request.getParameter("v-r") != null
                || path.equals("/" + LoginView.ROUTE)
                || path.startsWith("/api/")
                || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            request.getSession(true).setAttribute(LOST_ATTRIBUTE, true);
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<LostSessionFilter> lostSessionFilter() {
            var registration = new FilterRegistrationBean<>(new LostSessionFilter());
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            return registration;
        }
    }
}
