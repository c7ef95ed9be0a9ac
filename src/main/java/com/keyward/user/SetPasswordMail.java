package com.keyward.user;

import jakarta.annotation.Nullable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Mails set-password links where mail is configured ({@code spring.mail.host}) and Keyward knows
 * its own address ({@code keyward.public-url}: a mailed link is never built from a request's Host
 * header). Sent after the account's transaction has committed; a failure is reported to the
 * administrator, who then gets the link on screen instead. Neither link nor body is ever logged.
 */
@Service
public class SetPasswordMail {

    private static final Logger log = LoggerFactory.getLogger(SetPasswordMail.class);
    private static final DateTimeFormatter UNTIL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final @Nullable JavaMailSender sender;
    private final String publicUrl;
    private final String from;

    SetPasswordMail(
            ObjectProvider<JavaMailSender> sender,
            @Value("${keyward.public-url:}") String publicUrl,
            @Value("${keyward.mail.from:keyward@localhost}") String from) {
        this.sender = sender.getIfAvailable();
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
        this.from = from;
        if (this.sender != null && this.publicUrl.isEmpty()) {
            log.warn("Mail is configured but KEYWARD_PUBLIC_URL is not: set-password links are shown to the "
                    + "administrator instead of being mailed");
        }
    }

    /** Whether links go out by mail rather than on screen. */
    public boolean enabled() {
        return sender != null && !publicUrl.isEmpty();
    }

    /**
     * Mails the link to its person.
     *
     * @return whether the mail server took it
     */
    public boolean send(SetPasswordLink link, boolean reset) {
        JavaMailSender mail = sender;
        if (mail == null || publicUrl.isEmpty()) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(link.email());
        message.setSubject(reset ? "Keyward: set a new password" : "Keyward: your new account");
        message.setText((reset
                        ? "An administrator reset the password of your Keyward account \"" + link.username() + "\".\n"
                        : "An administrator created a Keyward account for you. Your username: " + link.username()
                                + "\n")
                + "\nSet your password here (the link works once, until " + UNTIL.format(link.expiresAt()) + "):\n\n"
                + publicUrl + "/" + link.path() + "\n\nIf you did not expect this mail, tell your administrator.\n");
        try {
            mail.send(message);
            return true;
        } catch (MailException failed) {
            // the cause names the server's answer, never the body
            log.warn(
                    "A set-password mail for {} could not be sent: {}",
                    link.username(),
                    failed.getMostSpecificCause().getMessage());
            return false;
        }
    }
}
