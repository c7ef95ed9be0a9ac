package com.example.billing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * Another team's small Spring Boot service, outside Keyward's packages: it accepts Keyward keys
 * as bearer tokens by asking Keyward's Introspection API (RFC 7662) with its own Keyward key, and
 * serves {@code /invoices} to keys that carry the registered API set BILLING_READ. This is the
 * configuration the README shows.
 */
@EnableWebSecurity
public class BillingService {

    /** Starts it on a free port: {@code keyward.introspection-uri} and {@code keyward.api-key} say where and as whom to ask. */
    public static ConfigurableApplicationContext start(String introspectionUri, String apiKey) {
        return new SpringApplicationBuilder(BillingService.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "spring.config.name=billing-service",
                        "spring.main.banner-mode=off",
                        "keyward.introspection-uri=" + introspectionUri,
                        "keyward.api-key=" + apiKey)
                .run();
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Bean
    TomcatServletWebServerFactory webServer() {
        return new TomcatServletWebServerFactory(0);
    }

    @Bean
    OpaqueTokenIntrospector keywardKeys(Environment environment) {
        RestTemplate keyward = new RestTemplate();
        keyward.getInterceptors().add((request, body, execution) -> {
            request.getHeaders().set("X-Api-Key", environment.getRequiredProperty("keyward.api-key"));
            return execution.execute(request, body);
        });
        return new SpringOpaqueTokenIntrospector(environment.getRequiredProperty("keyward.introspection-uri"), keyward);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_BILLING_READ"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server.opaqueToken(Customizer.withDefaults()))
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServlet> invoices() {
        return new ServletRegistrationBean<>(
                new HttpServlet() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("text/plain");
                        response.getWriter()
                                .write("invoices for "
                                        + request.getUserPrincipal().getName());
                    }
                },
                "/invoices");
    }
}
