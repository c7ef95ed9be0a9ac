package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.security.Authorities;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Expiry reminders on the real database, mailed through a real SMTP server in-process: one mail
 * per owner per day, listing the keys, never a key — even when two runners go at once.
 */
@KeywardTest
class KeyRemindersTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    KeyApprovals approvals;

    @Autowired
    KeyReminders reminders;

    @Autowired
    ApiKeyService keys;

    @Autowired
    TestAccounts accounts;

    @Autowired
    com.keyward.user.UserService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKeyExpiringInFiveDaysIsRemindedInTheBellAndMailedOnceEvenByTwoRunnersAtOnce() throws Exception {
        String owner = accounts.create("expiring", List.of(Authorities.MANAGE_USER_API_KEY));
        accounts.signInAs(owner);
        GeneratedApiKey soon = keys.generate(new NewApiKey(
                "Release bot", null, Set.of("ACCOUNT"), Instant.now().plus(Duration.ofDays(5))));
        GeneratedApiKey later = keys.generate(new NewApiKey(
                "Quarterly job", null, Set.of("ACCOUNT"), Instant.now().plus(Duration.ofDays(80))));
        SecurityContextHolder.clearContext();
        KeyReminderMail mail = mailThroughGreenMail();

        // two nodes' runners at once, then one more later the same day
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs =
                List.of(nodes.submit(() -> runAfter(start, mail)), nodes.submit(() -> runAfter(start, mail)));
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        nodes.shutdown();
        reminders.run(mail);

        List<MimeMessage> toOwner = List.of(SMTP.getReceivedMessages()).stream()
                .filter(message -> recipient(message).equals(owner + "@example.com"))
                .toList();
        assertThat(toOwner).hasSize(1);
        String body = toOwner.getFirst().getContent().toString();
        assertThat(toOwner.getFirst().getSubject()).isEqualTo("Keyward: an API key expires soon");
        assertThat(body)
                .contains("Release bot", soon.info().hint())
                .doesNotContain("Quarterly job")
                .doesNotContain(soon.key(), later.key());

        accounts.signInAs(owner);
        assertThat(reminders.unread()).isEqualTo(1);
        assertThat(reminders.mine()).singleElement().satisfies(reminder -> {
            assertThat(reminder.kind()).isEqualTo(KeyReminder.Kind.EXPIRES_7);
            assertThat(reminder.keyName()).isEqualTo("Release bot");
        });
        reminders.markAllRead();
        assertThat(reminders.unread()).isZero();
    }

    @Test
    void theMailSpeaksTheLanguageTheOwnerChoseForTheConsole() throws Exception {
        String owner = accounts.create("deutsch", List.of(Authorities.MANAGE_USER_API_KEY));
        accounts.signInAs(owner);
        users.setMyLanguage("de");
        keys.generate(new NewApiKey(
                "Nachtlauf", null, Set.of("ACCOUNT"), Instant.now().plus(Duration.ofDays(5))));
        SecurityContextHolder.clearContext();

        reminders.run(mailThroughGreenMail());

        MimeMessage toOwner = firstMailTo(owner + "@example.com");
        assertThat(toOwner.getSubject()).isEqualTo("Keyward: ein API-Schlüssel läuft bald ab");
        assertThat(toOwner.getContent().toString())
                .startsWith("Hallo ")
                .contains("Einer Ihrer Keyward-API-Schlüssel läuft bald ab:", "„Nachtlauf“");
    }

    @Autowired
    KeyLeaks leaks;

    @Test
    void aLeakedKeysOwnerSeesItInTheBellAndIsMailedWhereItWasFoundButNeverTheKey() throws Exception {
        String owner = accounts.create("leaked", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey key = accounts.keyOf(owner, "ACCOUNT");
        String url = "https://github.com/acme/app/blob/main/.env";

        List<KeyLeaks.Verdict> verdicts =
                leaks.report(List.of(new KeyLeaks.Report(key.key(), "keyward_api_key", url, "content")));
        assertThat(verdicts)
                .singleElement()
                .satisfies(verdict -> assertThat(verdict.truePositive()).isTrue());

        accounts.signInAs(owner);
        assertThat(reminders.mine()).anySatisfy(reminder -> {
            assertThat(reminder.kind()).isEqualTo(KeyReminder.Kind.LEAKED);
            assertThat(reminder.apiKeyId()).isEqualTo(key.info().id());
        });
        assertThat(keys.list(accounts.idOf(owner), 0, 10))
                .singleElement()
                .satisfies(info -> assertThat(info.revokedAt()).isNotNull());
        SecurityContextHolder.clearContext();

        leaks.mailOwner(
                new ApiKeyLeaked(
                        key.info().id(),
                        accounts.idOf(owner),
                        owner,
                        key.info().name(),
                        key.info().hint(),
                        url,
                        "content"),
                mailThroughGreenMail());
        MimeMessage toOwner = firstMailTo(owner + "@example.com");
        assertThat(toOwner.getSubject())
                .isEqualTo("Keyward: your API key \"" + key.info().name() + "\" was found in public and revoked");
        assertThat(toOwner.getContent().toString())
                .contains(url, key.info().hint(), "revoked it at once", "https://keyward.example/account/api-keys")
                .doesNotContain(key.key());
    }

    @Test
    void anOwnerIsMailedWhatAnApproverDecidedWithTheReasonButNeverTheKey() throws Exception {
        String owner = accounts.create("denied", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey key = accounts.keyOf(owner, "ACCOUNT");
        approvals.mailOwner(
                new ApiKeyApprovalDecided(
                        key.info().id(),
                        accounts.idOf(owner),
                        owner,
                        key.info().name(),
                        key.info().hint(),
                        List.of("Users API"),
                        false,
                        "Use the staging directory.",
                        accounts.idOf("admin"),
                        "admin"),
                mailThroughGreenMail());
        MimeMessage toOwner = firstMailTo(owner + "@example.com");
        assertThat(toOwner.getSubject())
                .isEqualTo("Keyward: your API key \"" + key.info().name() + "\" was denied a set");
        assertThat(toOwner.getContent().toString())
                .contains("Users API", key.info().hint(), "Use the staging directory.", "keeps working for the others")
                .contains("https://keyward.example/account/api-keys")
                .doesNotContain(key.key());
    }

    private void runAfter(CountDownLatch start, KeyReminderMail mail) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reminders.run(mail);
    }

    private static KeyReminderMail mailThroughGreenMail() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP.getSmtp().getPort());
        return new KeyReminderMail(sender, "keyward@example.com", "https://keyward.example");
    }

    private static MimeMessage firstMailTo(String address) {
        return List.of(SMTP.getReceivedMessages()).stream()
                .filter(message -> recipient(message).equals(address))
                .findFirst()
                .orElseThrow();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
