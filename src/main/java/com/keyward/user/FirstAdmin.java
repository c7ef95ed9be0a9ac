package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.db.RetriedTransactions;
import com.keyward.role.RoleAssignments;
import com.keyward.validation.Message;
import com.keyward.validation.ValidationException;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first Admin of an installation that has none: from {@code KEYWARD_ADMIN_USERNAME} and
 * {@code KEYWARD_ADMIN_PASSWORD} (or {@code _FILE}) at start, or through {@code /setup} with a
 * one-time set-up token printed once in the log. The token lives in this instance's memory only,
 * never in the database, and stops working once an enabled Admin exists.
 */
@Service
public class FirstAdmin implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserRepository users;
    private final RoleAssignments membership;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final RetriedTransactions transaction;
    private final Clock clock;
    private final String configuredUsername;
    private final @Nullable String configuredPassword;
    private final String configuredPasswordFile;
    /** The digest of the set-up token while one is offered; empty when none is. */
    private volatile byte[] setupToken = new byte[0];

    FirstAdmin(
            UserRepository users,
            RoleAssignments membership,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            RetriedTransactions transaction,
            Clock clock,
            @Value("${keyward.admin.username:}") String configuredUsername,
            @Value("${keyward.admin.password:#{null}}") @Nullable String configuredPassword,
            @Value("${keyward.admin.password-file:}") String configuredPasswordFile) {
        this.users = users;
        this.membership = membership;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.configuredUsername = configuredUsername.strip();
        this.configuredPassword = configuredPassword;
        this.configuredPasswordFile = configuredPasswordFile.strip();
    }

    /** After the demo data, which may bring an Admin of its own. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (membership.enabledAdminExists()) {
            return;
        }
        if (!configuredUsername.isEmpty()) {
            createConfigured();
            return;
        }
        String token = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(KeyGenerators.secureRandom(32).generateKey());
        setupToken = PasswordLinks.digest(token);
        // printed once, on purpose: whoever can read this instance's log may make the first Admin
        log.warn(
                "Keyward has no administrator yet. Open /setup in a browser and enter this one-time set-up token: {}"
                        + " (it works until the first Admin exists; or set KEYWARD_ADMIN_USERNAME and"
                        + " KEYWARD_ADMIN_PASSWORD_FILE and restart)",
                token);
    }

    /** Whether {@code /setup} is open: no enabled Admin yet, and a token was printed. */
    public boolean setupOpen() {
        return setupToken.length > 0 && !membership.enabledAdminExists();
    }

    /**
     * Creates the first Admin from the set-up page.
     *
     * @throws ValidationException per field (a wrong token is {@link AccountField#TOKEN})
     */
    @RetriedOnConflict
    @Transactional
    public void setup(String token, String username, String displayName, String email, String password) {
        byte[] expected = setupToken;
        if (expected.length == 0 || membership.enabledAdminExists()) {
            throw ValidationException.of(AccountField.FORM, "setup.done");
        }
        if (!MessageDigest.isEqual(expected, PasswordLinks.digest(token.strip()))) {
            throw ValidationException.of(AccountField.TOKEN, "setup.token.wrong");
        }
        long id = create(username, displayName, email, password, "through /setup");
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.SETUP_TOKEN_USED, id, username.strip(), "The one-time set-up token was used"));
        setupToken = new byte[0];
    }

    private void createConfigured() {
        String password = configuredPassword();
        transaction.executeWithoutResult(status -> {
            try {
                create(
                        configuredUsername,
                        configuredUsername,
                        configuredUsername + "@localhost.invalid",
                        password,
                        "from KEYWARD_ADMIN_USERNAME at start");
            } catch (ValidationException refused) {
                throw new IllegalStateException("The first Admin from KEYWARD_ADMIN_USERNAME was refused: "
                        + String.join(" ", refused.errors().values()));
            }
        });
        log.info("First Admin \"{}\" created from KEYWARD_ADMIN_USERNAME", configuredUsername);
    }

    private String configuredPassword() {
        if (!configuredPasswordFile.isEmpty()) {
            try {
                return Files.readString(Path.of(configuredPasswordFile), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "KEYWARD_ADMIN_PASSWORD_FILE cannot be read: " + configuredPasswordFile, e);
            }
        }
        if (configuredPassword == null || configuredPassword.isEmpty()) {
            throw new IllegalStateException(
                    "KEYWARD_ADMIN_USERNAME is set without KEYWARD_ADMIN_PASSWORD or KEYWARD_ADMIN_PASSWORD_FILE.");
        }
        return configuredPassword;
    }

    private long create(String username, String displayName, String email, String password, String how) {
        String name = username.strip();
        Map<AccountField, Message> problems = new EnumMap<>(AccountField.class);
        AccountRules.usernameProblem(name).ifPresent(problem -> problems.put(AccountField.USERNAME, problem));
        if (!problems.containsKey(AccountField.USERNAME)
                && !users.existingUsernames(java.util.List.of(name)).isEmpty()) {
            problems.put(AccountField.USERNAME, Message.of("account.username.taken"));
        }
        problems.putAll(AccountRules.profileProblems(displayName.strip(), email.strip(), null, clock.instant()));
        policy.problem(password, new PasswordPolicy.Owner(name, displayName.strip(), email.strip()))
                .ifPresent(problem -> problems.put(AccountField.PASSWORD, problem));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = users.insert(
                new NewUser(
                        name, displayName.strip(), email.strip(), UserStatus.ENABLED, null, encoder.encode(password)),
                clock.instant());
        membership.grantFirstAdmin(id, name);
        events.publishEvent(new AccountActivity(AccountActivity.Kind.FIRST_ADMIN_CREATED, id, name, "Created " + how));
        return id;
    }
}
