package com.keyward.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                        403 key without the API set or owner without the authority, 429 too many failures."""))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }

    @Bean
    GroupedOpenApi accountApiGroup() {
        return group("account", "Account API", "/api/v1/account/**", "/api/v1/account");
    }

    @Bean
    GroupedOpenApi usersApiGroup() {
        return group("users", "Users API", "/api/v1/users/**", "/api/v1/users");
    }

    @Bean
    GroupedOpenApi rolesApiGroup() {
        return group("roles", "Roles API", "/api/v1/roles/**", "/api/v1/roles");
    }

    @Bean
    GroupedOpenApi auditApiGroup() {
        return group("audit", "Audit API", "/api/v1/audit/**", "/api/v1/audit");
    }

    private static GroupedOpenApi group(String name, String displayName, String... paths) {
        return GroupedOpenApi.builder().group(name).displayName(displayName).pathsToMatch(paths).build();
    }
}
