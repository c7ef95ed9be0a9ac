package com.keyward.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A provider that cannot be reached at start: one clear cause and action. */
@ExtendWith(OutputCaptureExtension.class)
class SsoStartTest {

    @Test
    void anUnreachableIssuerEndsTheStartWithACauseAndAnAction(CapturedOutput output) {
        assertThatThrownBy(() -> SpringApplication.run(
                        KeywardApplication.class,
                        "--server.port=0",
                        "--keyward.demo-data.enabled=false",
                        "--spring.security.oauth2.client.provider.corp.issuer-uri=http://127.0.0.1:1/realms/corp"))
                .isInstanceOf(Exception.class);
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Keyward cannot use its OpenID Connect provider")
                .contains("http://127.0.0.1:1/realms/corp")
                .contains("Check spring.security.oauth2.client.provider.<id>.issuer-uri");
    }

    @Test
    void otherFailuresAreLeftToTheOtherAnalyzers() {
        assertThat(new SsoFailureAnalyzer().analyze(new IllegalStateException("Port 8080 is in use")))
                .isNull();
    }
}
