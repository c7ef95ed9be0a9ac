package com.keyward.sso;

import com.keyward.security.Principals;
import com.keyward.user.ExternalAccounts;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;

/** The SSO beans, only where a client registration is configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(SsoConfigured.class)
@EnableConfigurationProperties({SsoProperties.class, OAuth2ClientProperties.class})
class SsoConfig {

    /** Instead of Boot's, which asks the provider at start and fails the start when it cannot. */
    @Bean
    ProviderRegistrations clientRegistrationRepository(OAuth2ClientProperties properties, Clock clock) {
        ProviderRegistrations registrations = new ProviderRegistrations(properties, clock);
        registrations.tryNow();
        return registrations;
    }

    @Bean
    SsoUserService ssoUserService(SsoProperties properties, ExternalAccounts accounts, Principals principals) {
        return new SsoUserService(properties, accounts, principals);
    }

    /**
     * The code exchange of the OpenID Connect sign-in, in Keyward's provider list after local
     * passwords and the directory: Spring Security's provider, with Keyward's account step.
     */
    @Bean
    @Order(20)
    OidcAuthorizationCodeAuthenticationProvider ssoAuthenticationProvider(SsoUserService users) {
        return new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), users);
    }
}
