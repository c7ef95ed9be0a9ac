package com.keyward.apikey;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The REST API's own security: stateless, no session, no CSRF, no login page. Each path belongs
 * to one API set; a key without that set gets 403.
 */
@Configuration
public class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiKeyAuthenticator authenticator,
            FailedAttemptLimiter limiter, MeterRegistry meters) throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(authenticator, limiter, meters),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/account/**", "/api/v1/account").hasAuthority(set("ACCOUNT"))
                        .requestMatchers("/api/v1/users/**", "/api/v1/users").hasAuthority(set("USERS"))
                        .requestMatchers("/api/v1/roles/**", "/api/v1/roles").hasAuthority(set("ROLES"))
                        .requestMatchers("/api/v1/audit/**", "/api/v1/audit").hasAuthority(set("AUDIT"))
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> Problems.write(response, 401,
                                "Unauthorized", ApiKeyAuthenticator.Failure.MISSING.detail(), request.getRequestURI()))
                        .accessDeniedHandler((request, response, denied) -> Problems.write(response, 403,
                                "Access Denied", "This API key does not include the API set of "
                                        + request.getRequestURI() + ", or the path does not exist.",
                                request.getRequestURI())));
        return http.build();
    }

    private static String set(String code) {
        return ApiKeyAuthenticator.apiSetAuthority(code);
    }
}
