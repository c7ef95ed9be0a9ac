package com.keyward.ops;

import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} for a signed-in Admin (their console session) or for a scraper
 * presenting {@code Authorization: Bearer <KEYWARD_METRICS_SCRAPE_TOKEN>}. No token is configured
 * by default, so by default only Admins read the metrics. Nothing else, never a session created.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccess {

    static final String SCRAPER = "METRICS_SCRAPER";

    @Bean
    @Order(2)
    SecurityFilterChain metricsFilterChain(
            HttpSecurity http, CurrentUser currentUser, @Value("${keyward.metrics.scrape-token:}") String scrapeToken)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ScrapeToken(scrapeToken), AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                // an Admin as the account is now (a disabled or demoted Admin's session is refused)
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .access(AuthorizationManagers.anyOf(
                                AuthorityAuthorizationManager.hasAuthority(SCRAPER),
                                currentUser.holding(Authorities.ADMINISTRATION))));
        return http.build();
    }

    /** A bearer token equal to the configured one (compared in constant time) is the scraper. */
    static final class ScrapeToken extends OncePerRequestFilter {

        private final byte[] expected;

        ScrapeToken(String token) {
            this.expected = token.isBlank() ? new byte[0] : sha256(token);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String authorization = request.getHeader("Authorization");
            if (expected.length > 0
                    && authorization != null
                    && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && MessageDigest.isEqual(
                            expected, sha256(authorization.substring(7).strip()))) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "metrics-scraper", null, List.of(new SimpleGrantedAuthority(SCRAPER))));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }

        private static byte[] sha256(String value) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
