package com.keyward.api;

import com.keyward.apiset.ApiEndpoints;
import com.keyward.apiset.ApiSetPath;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API sets' endpoints from the same mappings and {@link Operation} summaries that springdoc
 * builds the OpenAPI documents from (a test holds the two equal), read once.
 */
@Component
class DocumentedEndpoints implements ApiEndpoints {

    private final RequestMappingHandlerMapping mappings;
    private final Map<String, List<Endpoint>> bySet = new ConcurrentHashMap<>();

    DocumentedEndpoints(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @Override
    public List<Endpoint> of(String apiSetCode) {
        return ApiSetPath.of(apiSetCode)
                .map(set -> bySet.computeIfAbsent(set.code(), code -> read(set)))
                .orElse(List.of());
    }

    private List<Endpoint> read(ApiSetPath set) {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Operation operation = method.getMethodAnnotation(Operation.class);
            if (operation == null || info.getPathPatternsCondition() == null) {
                return;
            }
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (!path.equals(set.path()) && !path.startsWith(set.path() + "/")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(verb.name(), path, operation.summary()));
                }
            }
        });
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }
}
