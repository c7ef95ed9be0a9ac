package testsupport.oidc;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tests only: starts the test OpenID Connect provider before Keyward's context (which discovers
 * it at start) and registers Keyward as its client, as an operator would in application.properties.
 */
public class TestOidcProviderEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("keyward.test.oidc.enabled", Boolean.class, true)) {
            return;
        }
        TestOidcProvider provider = TestOidcProvider.start();
        String registration = "spring.security.oauth2.client.registration.corp.";
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "test-oidc-provider",
                        Map.of(
                                registration + "client-id",
                                TestOidcProvider.CLIENT_ID,
                                registration + "client-secret",
                                TestOidcProvider.CLIENT_SECRET,
                                registration + "client-name",
                                "Corp SSO",
                                registration + "scope",
                                "openid,profile,email",
                                registration + "redirect-uri",
                                "{baseScheme}://127.0.0.1{basePort}{basePath}/login/oauth2/code/{registrationId}",
                                "spring.security.oauth2.client.provider.corp.issuer-uri",
                                provider.issuer(),
                                "keyward.sso.group-roles.key-makers",
                                "API Integrator")));
    }
}
