package com.keyward.apikey;

import com.keyward.apiset.ApiSetPath;
import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/**
 * {@code http.server.requests} for API requests that no controller answered: a refusal in the API's
 * filter chain (401, 403, 429, 503) is labelled with its API set's route, {@code uri="/api/v1/account/**"},
 * instead of Spring's {@code uri="UNKNOWN"} that lumps every set together. Paths outside every set
 * stay {@code NOT_FOUND}: a label never takes a value from the request.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestObservations {

    @Bean
    ServerRequestObservationConvention serverRequestObservationConvention() {
        return new DefaultServerRequestObservationConvention() {
            @Override
            protected KeyValue uri(ServerRequestObservationContext context) {
                HttpServletRequest request = context.getCarrier();
                if (context.getPathPattern() == null && request != null) {
                    Optional<String> route = route(request.getRequestURI());
                    if (route.isPresent()) {
                        return KeyValue.of("uri", route.get());
                    }
                }
                return super.uri(context);
            }
        };
    }

    /** The route of an API path: its set's, or the leak reports'. */
    static Optional<String> route(String path) {
        if (path.equals(KeyLeaks.PATH)) {
            return Optional.of(KeyLeaks.PATH);
        }
        return Arrays.stream(ApiSetPath.values())
                .filter(set -> path.equals(set.path()) || path.startsWith(set.path() + "/"))
                .findFirst()
                .map(set -> set.path() + "/**");
    }
}
