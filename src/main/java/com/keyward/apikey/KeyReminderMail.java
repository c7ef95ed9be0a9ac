package com.keyward.apikey;

import com.keyward.user.Contacts;
import com.keyward.validation.Translations;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The reminder mail (Spring Boot mail, when {@code spring.mail.host} is set): one person's keys
 * that expire soon, by name, hint and expiry. Never a key, which exists nowhere.
 */
@Component
class KeyReminderMail {

    private static final Logger log = LoggerFactory.getLogger(KeyReminderMail.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final @Nullable JavaMailSender sender;
    private final String from;
    private final String publicUrl;

    @Autowired
    KeyReminderMail(
            ObjectProvider<JavaMailSender> sender,
            @Value("${keyward.mail.from:keyward@localhost}") String from,
            @Value("${keyward.public-url:}") String publicUrl) {
        this(sender.getIfAvailable(), from, publicUrl);
    }

    KeyReminderMail(@Nullable JavaMailSender sender, String from, String publicUrl) {
        this.sender = sender;
        this.from = from;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    boolean enabled() {
        return sender != null;
    }

    /** Tells an owner at once that a scanner found one of their keys and Keyward revoked it. */
    boolean sendLeaked(Contacts.Contact to, ApiKeyLeaked leaked) {
        Locale language = languageOf(to);
        String body = Translations.text(language, "mail.reminder.hello", to.displayName()) + "\n\n"
                + Translations.text(
                        language,
                        "mail.leaked.body",
                        leaked.name(),
                        leaked.hint(),
                        leaked.url() == null ? "-" : leaked.url())
                + "\n\n"
                + (publicUrl.isEmpty()
                        ? Translations.text(language, "mail.leaked.next")
                        : Translations.text(language, "mail.leaked.next.at", publicUrl + "/account/api-keys"))
                + "\n";
        return deliver(to, Translations.text(language, "mail.leaked.subject", leaked.name()), body);
    }

    /** Tells an owner at once what an approver decided on the sets their key waited for. */
    boolean sendDecided(Contacts.Contact to, ApiKeyApprovalDecided decided) {
        Locale language = languageOf(to);
        String sets = String.join(", ", decided.setNames());
        String body = Translations.text(language, "mail.reminder.hello", to.displayName()) + "\n\n"
                + (decided.approved()
                        ? Translations.text(language, "mail.approved.body", decided.name(), decided.hint(), sets)
                        : Translations.text(
                                language,
                                "mail.denied.body",
                                decided.name(),
                                decided.hint(),
                                sets,
                                decided.reason() == null ? "-" : decided.reason()))
                + (publicUrl.isEmpty() ? "" : "\n\n" + publicUrl + "/account/api-keys")
                + "\n";
        return deliver(
                to,
                Translations.text(
                        language, decided.approved() ? "mail.approved.subject" : "mail.denied.subject", decided.name()),
                body);
    }

    private static Locale languageOf(Contacts.Contact to) {
        return Translations.language(to.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(to.language()));
    }

    /** Whether the mail server took it. */
    boolean send(Contacts.Contact to, List<KeyReminder> reminders) {
        // in the language the person chose for the console; English when they chose none
        Locale language = languageOf(to);
        StringBuilder body = new StringBuilder(Translations.text(language, "mail.reminder.hello", to.displayName()))
                .append("\n\n")
                .append(Translations.text(language, "mail.reminder.intro", reminders.size()))
                .append("\n\n");
        for (KeyReminder reminder : reminders) {
            body.append(Translations.text(
                            language,
                            "mail.reminder.key",
                            reminder.keyName(),
                            reminder.hint(),
                            WHEN.format(reminder.expiresAt())))
                    .append('\n');
        }
        body.append('\n')
                .append(
                        publicUrl.isEmpty()
                                ? Translations.text(language, "mail.reminder.roll")
                                : Translations.text(language, "mail.reminder.roll.at", publicUrl + "/account"))
                .append('\n');
        return deliver(to, Translations.text(language, "mail.reminder.subject", reminders.size()), body.toString());
    }

    private boolean deliver(Contacts.Contact to, String subject, String body) {
        JavaMailSender mail = sender;
        if (mail == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.email());
        message.setSubject(subject);
        message.setText(body);
        try {
            mail.send(message);
            return true;
        } catch (MailException failed) {
            log.warn(
                    "A key reminder mail for {} could not be sent: {}",
                    to.username(),
                    failed.getMostSpecificCause().getMessage());
            return false;
        }
    }
}
