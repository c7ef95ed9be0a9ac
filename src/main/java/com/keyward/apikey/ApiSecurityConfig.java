package com.keyward.apikey;

import com.keyward.apiset.ApiSetPath;
import com.keyward.db.DatabaseMonitor;
import com.keyward.security.Throttle;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The REST API's own security: stateless, no session, no CSRF, no login page. Each path belongs
 * to one API set; a key without that set gets 403.
 */
@Configuration
public class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http,
            ApiKeyAuthenticator authenticator,
            MeterRegistry meters,
            DatabaseMonitor database,
            ProxyManager<String> buckets,
            ApiKeyUsageRecorder usage,
            Clock clock,
            @Value("${keyward.api.failures-allowed:20}") int failuresAllowed,
            @Value("${keyward.api.failure-window:PT1M}") Duration failureWindow,
            @Value("${keyward.leaks.reports-per-minute:30}") int leakReportsPerMinute)
            throws Exception {
        http.securityMatcher("/api/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new ApiErrorFilter(database), DisableEncodeUrlFilter.class)
                .addFilterBefore(new LeakReportGate(leakReportsPerMinute), AnonymousAuthenticationFilter.class)
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(
                                authenticator,
                                new Throttle(buckets, "api-failures", failuresAllowed, failureWindow),
                                meters),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // public; a method other than POST gets Spring MVC's 405
                    requests.requestMatchers(KeyLeaks.PATH).permitAll();
                    for (ApiSetPath set : ApiSetPath.values()) {
                        requests.requestMatchers(set.path() + "/**", set.path())
                                .hasAuthority(ApiKeyAuthenticator.apiSetAuthority(set.code()));
                    }
                    requests.anyRequest().denyAll();
                })
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> Problems.write(
                                        response,
                                        401,
                                        "Unauthorized",
                                        ApiKeyAuthenticator.Failure.MISSING.detail(),
                                        request.getRequestURI()))
                        .accessDeniedHandler((request, response, denied) -> {
                            if (SecurityContextHolder.getContext().getAuthentication() != null
                                    && SecurityContextHolder.getContext()
                                                    .getAuthentication()
                                                    .getPrincipal()
                                            instanceof ApiKeyPrincipal key) {
                                usage.refused(key.keyId(), clock.instant(), 403);
                                Optional<ApiSetPath> awaiting = awaitingApproval(key, request.getRequestURI());
                                if (awaiting.isPresent()) {
                                    ApiKeyAuthenticationFilter.refusedAfterAuthentication(request, "awaiting_approval");
                                    Problems.write(
                                            response,
                                            403,
                                            "Awaiting Approval",
                                            "This API key awaits an approver's decision for the "
                                                    + awaiting.get().displayName()
                                                    + ": it works for that set once approved.",
                                            request.getRequestURI());
                                    return;
                                }
                                ApiKeyAuthenticationFilter.refusedAfterAuthentication(request, "outside_sets");
                            }
                            Problems.write(
                                    response,
                                    403,
                                    "Access Denied",
                                    "This API key does not include the API set of " + request.getRequestURI() + ".",
                                    request.getRequestURI());
                        }));
        return http.build();
    }

    /** The built-in set of this path when the key has it pending approval. */
    private static Optional<ApiSetPath> awaitingApproval(ApiKeyPrincipal key, String uri) {
        return java.util.Arrays.stream(ApiSetPath.values())
                .filter(set -> uri.equals(set.path()) || uri.startsWith(set.path() + "/"))
                .filter(set -> key.pendingSetCodes().contains(set.code()))
                .findFirst();
    }

    /**
     * A request the firewall refuses (an encoded NUL, a path traversal…) gets 400: under /api as
     * a problem, elsewhere as a bare status.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        var plain = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith("/api/")) {
                Problems.write(
                        response,
                        400,
                        "Bad Request",
                        "The URL or a header of the request is not allowed.",
                        request.getRequestURI());
            } else {
                plain.handle(request, response, rejected);
            }
        };
    }
}
