package com.keyward.user.ui;

import com.keyward.user.FirstAdmin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /setup} answers a real 404 once the installation has had an Admin: the page itself only
 * answers after Vaadin's bootstrap, which is a 200 for any route.
 */
@Component
class SetupClosedFilter extends OncePerRequestFilter {

    private final FirstAdmin firstAdmin;

    SetupClosedFilter(FirstAdmin firstAdmin) {
        this.firstAdmin = firstAdmin;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals("/" + SetupView.ROUTE) && !path.startsWith("/" + SetupView.ROUTE + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (firstAdmin.setupOpen()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write("Not found\n".getBytes(StandardCharsets.UTF_8));
    }
}
