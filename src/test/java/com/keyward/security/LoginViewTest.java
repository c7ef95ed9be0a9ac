package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** The sign-in page offers the SSO provider next to the form, or instead of it (KEYWARD_LOCAL_LOGIN=false). */
class LoginViewTest {

    private static final ClientRegistration CORP = ClientRegistration.withRegistrationId("corp")
            .clientId("keyward")
            .clientName("Corp SSO")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("https://idp.example/authorize")
            .tokenUri("https://idp.example/token")
            .build();

    @Test
    void theProviderIsOfferedNextToTheFormOrInsteadOfIt() {
        var sso = new StaticListableBeanFactory(Map.of("registrations", new InMemoryClientRegistrationRepository(CORP)))
                .getBeanProvider(ClientRegistrationRepository.class);

        LoginView both = new LoginView(sso, true);
        assertThat(both.getChildren().filter(LoginForm.class::isInstance)).hasSize(1);
        Anchor signIn = (Anchor)
                both.getChildren().filter(Anchor.class::isInstance).findFirst().orElseThrow();
        assertThat(signIn.getText()).isEqualTo("Sign in with Corp SSO");
        assertThat(signIn.getHref()).isEqualTo("oauth2/authorization/corp");

        LoginView ssoOnly = new LoginView(sso, false);
        assertThat(ssoOnly.getChildren().filter(LoginForm.class::isInstance)).isEmpty();
        assertThat(ssoOnly.getChildren().filter(Anchor.class::isInstance)).hasSize(1);
    }

    @Test
    void withoutAProviderOnlyTheFormIsThere() {
        var none = new StaticListableBeanFactory().getBeanProvider(ClientRegistrationRepository.class);
        LoginView form = new LoginView(none, true);
        assertThat(form.getChildren().filter(Anchor.class::isInstance)).isEmpty();
        assertThat(form.getChildren().filter(LoginForm.class::isInstance)).hasSize(1);
    }
}
