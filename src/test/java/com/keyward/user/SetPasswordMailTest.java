package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Set-password links by mail, through a real SMTP server (GreenMail) in-process. */
@ExtendWith(OutputCaptureExtension.class)
class SetPasswordMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final SetPasswordLink ERINS = new SetPasswordLink(
            "erin",
            "erin@example.com",
            "T0k3n-of-43-characters-xxxxxxxxxxxxxxxxxxxx",
            Instant.parse("2026-12-02T10:00:00Z"));

    @Test
    void aNewPersonGetsTheirLinkAtTheirAddressWithKeywardsPublicAddress(CapturedOutput output) throws Exception {
        SetPasswordMail mail = mail(SMTP.getSmtp().getPort(), "https://keyward.example/");

        assertThat(mail.enabled()).isTrue();
        assertThat(mail.send(ERINS, false)).isTrue();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0]).hasToString("erin@example.com");
        assertThat(received[0].getSubject()).isEqualTo("Keyward: your new account");
        assertThat(GreenMailUtil.getBody(received[0]))
                .contains("Your username: erin")
                .contains("https://keyward.example/set-password/" + ERINS.token())
                .contains("until 2026-12-02 10:00 UTC");
        assertThat(output.getAll()).doesNotContain(ERINS.token());
    }

    @Test
    void anUnreachableMailServerIsReportedAndTheLinkStaysOutOfTheLog(CapturedOutput output) {
        SetPasswordMail mail = mail(1, "https://keyward.example");

        assertThat(mail.send(ERINS, true)).isFalse();
        assertThat(output.getAll()).contains("could not be sent").doesNotContain(ERINS.token());
    }

    @Test
    void withoutItsPublicAddressKeywardMailsNothing() {
        SetPasswordMail mail = mail(SMTP.getSmtp().getPort(), "");

        assertThat(mail.enabled()).isFalse();
        assertThat(mail.send(ERINS, false)).isFalse();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static SetPasswordMail mail(int port, String publicUrl) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        var beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
        return new SetPasswordMail(beans.getBeanProvider(JavaMailSender.class), publicUrl, "keyward@example.com");
    }
}
