package com.keyward.apikey;

import com.keyward.apiset.ApiSetPath;
import com.keyward.security.Throttle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Nullable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authenticates every {@code /api/**} request by its key: {@code X-Api-Key} or
 * {@code Authorization: Bearer}. Never a key in the URL (400: URLs end up in logs and histories).
 * Refusals are RFC 9457 problems. Failures throttle failures: past the allowance, an address's
 * failed attempts get 429 instead of 401, while a valid key from the same address (the same proxy
 * or NAT) keeps working.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";
    private static final String REFUSED_AFTER_AUTHENTICATION = ApiKeyAuthenticationFilter.class.getName() + ".refused";
    private static final Set<String> KEY_PARAMETERS =
            Set.of("api_key", "apikey", "key", "token", "access_token", "x-api-key");

    private final ApiKeyAuthenticator authenticator;
    private final Throttle failures;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ApiKeyAuthenticationFilter(ApiKeyAuthenticator authenticator, Throttle failures, MeterRegistry meters) {
        this.authenticator = authenticator;
        this.failures = failures;
        this.meters = meters;
    }

    /** Leak reports come from scanners, which hold no key. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals(KeyLeaks.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        if (keyInUrl(request)) {
            count("key_in_url");
            Problems.write(
                    response,
                    400,
                    "Bad Request",
                    "API keys are not accepted in the URL. Send the key in the "
                            + "X-Api-Key header or as Authorization: Bearer, and revoke the key that was sent.",
                    request.getRequestURI());
            return;
        }
        if (unknownPath(request)) {
            Problems.write(
                    response, 404, "Not Found", "There is no API resource at this path.", request.getRequestURI());
            return;
        }
        ApiKeyPrincipal principal;
        switch (authenticator.authenticate(presentedKey(request), address)) {
            case ApiKeyAuthenticator.Accepted accepted -> principal = accepted.principal();
            case ApiKeyAuthenticator.Refused refused -> {
                refuse(refused.failure(), address, request, response);
                return;
            }
            case ApiKeyAuthenticator.OutsideNetworks outside -> {
                count("outside_networks");
                Problems.write(
                        response,
                        403,
                        "Forbidden",
                        ApiKeyAuthenticator.OUTSIDE_NETWORKS_DETAIL,
                        request.getRequestURI());
                return;
            }
        }
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
            // a success only once the path is in the key's API sets (refused below: its outcome)
            count(request.getAttribute(REFUSED_AFTER_AUTHENTICATION) instanceof String refused ? refused : "success");
        }
    }

    /**
     * The outcome of a valid key that the authorization below refused ({@code outside_sets},
     * {@code awaiting_approval}): the access-denied handler leaves it for the count.
     */
    static void refusedAfterAuthentication(HttpServletRequest request, String outcome) {
        request.setAttribute(REFUSED_AFTER_AUTHENTICATION, outcome);
    }

    /** 401 with the failure's detail; past the address's allowance of failures, 429. */
    private void refuse(
            ApiKeyAuthenticator.Failure failure,
            String address,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        long retryAfter = failures.take(address);
        if (retryAfter > 0) {
            count("throttled");
            response.setHeader("Retry-After", Long.toString(retryAfter));
            Problems.write(
                    response,
                    429,
                    "Too Many Requests",
                    "Too many failed authentication attempts from " + "this address. Try again in " + retryAfter
                            + " seconds.",
                    request.getRequestURI());
            return;
        }
        count(failure.name().toLowerCase(Locale.ROOT));
        response.setHeader("WWW-Authenticate", "Bearer realm=\"keyward\"");
        Problems.write(response, 401, "Unauthorized", failure.detail(), request.getRequestURI());
    }

    private static @Nullable String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            return header;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return null;
    }

    /**
     * A key, or a parameter named like one, in the query string: the URL alone, never the body
     * (RFC 7662 sends the token to introspect as a form field, and so may any form).
     */
    private static boolean keyInUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        if (decoded(query).contains(ApiKeyFormat.PREFIX)) {
            return true;
        }
        return UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet().stream()
                .anyMatch(name -> KEY_PARAMETERS.contains(decoded(name).toLowerCase(Locale.ROOT)));
    }

    /** Percent-decoded; as sent when it is not valid percent-encoding. */
    private static String decoded(String text) {
        try {
            return UriUtils.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** Paths outside every API set (and not the leak reports): nothing is there, key or not. */
    private static boolean unknownPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return Arrays.stream(ApiSetPath.values())
                .noneMatch(set -> uri.equals(set.path()) || uri.startsWith(set.path() + "/"));
    }

    /**
     * Outcome only, never the key, its hint or the owner: {@code success}; refused with 401
     * {@code missing}, {@code malformed}, {@code unknown}, {@code revoked}, {@code expired},
     * {@code owner_disabled}, {@code owner_locked}, {@code owner_expired}; 403 {@code outside_networks},
     * {@code outside_sets}, {@code awaiting_approval}; 429 {@code throttled}; 400 {@code key_in_url}.
     */
    private void count(String outcome) {
        counters.computeIfAbsent(outcome, name -> meters.counter("keyward.api.authentications", "outcome", name))
                .increment();
    }
}
