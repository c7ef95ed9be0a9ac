package com.keyward.api;

import com.keyward.apikey.KeyLeaks;
import com.keyward.apiset.ApiSetPath;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** The OpenAPI document: one group per API set, and the X-Api-Key scheme so "Try it out" works. */
@Configuration
public class OpenApiConfig {

    static final String SCHEME = "ApiKey";

    @Bean
    OpenAPI keywardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Keyward API").version("v1").description("""
                        REST endpoints grouped in API sets. Authenticate with an API key generated in Keyward \
                        (User Account Details › API Keys › Generate key), sent as the X-Api-Key header or as \
                        Authorization: Bearer. A key works only on the API sets chosen for it, and never beyond \
                        its owner's authorities. Errors are RFC 9457 problem+json: 401 missing or invalid key, \
                        403 key without the API set or owner without the authority, 404 no such path, 405 method \
                        not allowed, 413 body too large, 415 wrong media type, 429 too many failures, 503 \
                        database away."""))
                .components(new Components()
                        .addSecuritySchemes(
                                SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    /** Every group's operations declare the problems they can answer with. */
    @Bean
    GlobalOpenApiCustomizer problemsOfEveryOperation() {
        return OpenApiConfig::declareProblems;
    }

    /**
     * One OpenAPI group per API set, as springdoc's group configuration, derived from
     * {@link ApiSetPath} before the context starts (springdoc decides on its multi-group support
     * from them).
     */
    static final class Groups implements EnvironmentPostProcessor {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            Map<String, Object> groups = new LinkedHashMap<>();
            ApiSetPath[] sets = ApiSetPath.values();
            for (int i = 0; i < sets.length; i++) {
                String prefix = "springdoc.group-configs[" + i + "].";
                groups.put(prefix + "group", sets[i].group());
                groups.put(prefix + "display-name", sets[i].displayName());
                groups.put(prefix + "paths-to-match[0]", sets[i].path());
                groups.put(prefix + "paths-to-match[1]", sets[i].path() + "/**");
            }
            // leak reports belong to no API set: their own document
            String prefix = "springdoc.group-configs[" + sets.length + "].";
            groups.put(prefix + "group", "leaks");
            groups.put(prefix + "display-name", "Leak reports");
            groups.put(prefix + "paths-to-match[0]", KeyLeaks.PATH);
            environment.getPropertySources().addLast(new MapPropertySource("keywardApiSetGroups", groups));
        }
    }

    /** What every operation can answer besides 200: each an RFC 9457 problem. */
    static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "Bad request: a parameter, the URL or a header is invalid");
        PROBLEMS.put("401", "Missing, malformed, unknown, revoked or expired key; or its owner cannot sign in");
        PROBLEMS.put("403", "The key lacks this API set, or its owner lacks the authority");
        PROBLEMS.put("404", "No such resource");
        PROBLEMS.put("405", "Method not allowed");
        PROBLEMS.put("406", "Only application/json (and problem+json for errors) is produced");
        PROBLEMS.put("413", "The request body is too large (leak reports: at most 256 KiB, with a stated length)");
        PROBLEMS.put("415", "The request body is not of the media type the operation consumes");
        PROBLEMS.put("429", "Too many failed authentications from this address; see Retry-After");
        PROBLEMS.put("500", "Unexpected failure (logged)");
        PROBLEMS.put("501", "A request the server does not implement (e.g. an unsupported Transfer-Encoding)");
        PROBLEMS.put("503", "The database cannot be reached right now; see Retry-After");
    }

    private static void declareProblems(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components.addSchemas(
                "Problem",
                new ObjectSchema()
                        .description("RFC 9457 problem details")
                        .addProperty("type", new StringSchema())
                        .addProperty("title", new StringSchema())
                        .addProperty("status", new IntegerSchema())
                        .addProperty("detail", new StringSchema())
                        .addProperty("instance", new StringSchema())
                        .addProperty(
                                "requestId",
                                new StringSchema()
                                        .description("the request's id, also in the X-Request-Id header and in the "
                                                + "log lines written for it"))));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    ApiResponses responses = operation.getResponses();
                    PROBLEMS.forEach((status, description) -> {
                        if (!responses.containsKey(status)) {
                            responses.addApiResponse(
                                    status,
                                    new ApiResponse()
                                            .description(description)
                                            .content(new Content()
                                                    .addMediaType(
                                                            "application/problem+json",
                                                            new MediaType()
                                                                    .schema(new Schema<>()
                                                                            .$ref("#/components/schemas/Problem")))));
                        }
                    });
                }));
    }
}
