package com.keyward.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardApplication;
import com.keyward.security.SignInForm;
import java.net.CookieManager;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * A provider that cannot be reached at start (down, or a wrong issuer URI): Keyward starts all
 * the same, says once what is wrong and what to do, offers no SSO button, and local sign-in works.
 */
@ExtendWith(OutputCaptureExtension.class)
class SsoStartTest {

    @Test
    void anUnreachableIssuerLeavesLocalSignInWorkingAndSaysWhatToFix(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext keyward = SpringApplication.run(
                KeywardApplication.class,
                "--server.port=0",
                "--spring.security.oauth2.client.provider.corp.issuer-uri=http://127.0.0.1:1/realms/corp")) {
            assertThat(output.getAll())
                    .contains("Keyward cannot use its OpenID Connect provider")
                    .contains("http://127.0.0.1:1/realms/corp")
                    .contains("local and directory sign-in work")
                    .contains("Check spring.security.oauth2.client.provider.<id>.issuer-uri");
            // no provider to offer on the sign-in page
            assertThat((Iterable<?>) keyward.getBean(ClientRegistrationRepository.class))
                    .isEmpty();
            int port = ((WebServerApplicationContext) keyward).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .localAddress(java.net.InetAddress.getByName("127.0.0.8"))
                    .build();
            assertThat(SignInForm.location(SignInForm.submit(client, port, "admin", "admin")))
                    .isEqualTo("/");
        }
    }
}
