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
 * The first Admin of an installation that has never had one: from {@code KEYWARD_ADMIN_USERNAME}
 * and {@code KEYWARD_ADMIN_PASSWORD} (or {@code _FILE}) at start, or through {@code /setup} with a
 * one-time set-up token printed once in the log. The token lives in this instance's memory only,
 * never in the database.
 *
 * <p>"Never had one" is remembered in the database ({@code installation.admin_established_at}),
 * set the first time any account holds the Admin role: a locked, disabled, expired or demoted
 * Admin does not reopen the set-up, and a stranger who gets the only Admin locked cannot make an
 * Admin of their own. Lost access is recovered on the host ({@code recover-admin}).
 */
@Service
public class FirstAdmin implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserRepository users;
    private final InstallationRepository installation;
    private final RoleAssignments membership;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final RetriedTransactions transaction;
    private final Clock clock;
    private final String configuredUsername;
    private final @Nullable String configuredPassword;
    private final String configuredPasswordFile;
    private final boolean hostCommand;
    /** The digest of the set-up token while one is offered; empty when none is. */
    private volatile byte[] setupToken = new byte[0];

    FirstAdmin(
            UserRepository users,
            InstallationRepository installation,
            RoleAssignments membership,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            RetriedTransactions transaction,
            Clock clock,
            @Value("${keyward.admin.username:}") String configuredUsername,
            @Value("${keyward.admin.password:#{null}}") @Nullable String configuredPassword,
            @Value("${keyward.admin.password-file:}") String configuredPasswordFile,
            @Value("${keyward.host-command:}") String hostCommand) {
        this.users = users;
        this.installation = installation;
        this.membership = membership;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.configuredUsername = configuredUsername.strip();
        this.configuredPassword = configuredPassword;
        this.configuredPasswordFile = configuredPasswordFile.strip();
        this.hostCommand = !hostCommand.isBlank();
    }

    /** After the demo data (which may bring an Admin of its own), the last start-up step. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (hostCommand) {
            // a command on the host (recover-admin) makes no Admin and offers no set-up
            return;
        }
        if (adminEstablished()) {
            if (!configuredUsername.isEmpty()) {
                // not an error: the settings stay in place across restarts, and a start must never
                // depend on the state of an account a stranger can influence
                log.info("KEYWARD_ADMIN_USERNAME is set, but this installation has had an Admin already: nothing"
                        + " created (to regain access: java -jar keyward.jar recover-admin USERNAME)");
            }
            return;
        }
        if (!configuredUsername.isEmpty()) {
            if (users.findIdByUsername(configuredUsername).isPresent()) {
                log.warn("KEYWARD_ADMIN_USERNAME names an existing account, which is not made an Admin at start:"
                        + " use /setup with the token below, or recover-admin --grant-admin on the host");
            } else {
                createConfigured();
                return;
            }
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

    /** Whether {@code /setup} is open: this installation never had an Admin, and a token was printed. */
    public boolean setupOpen() {
        return setupToken.length > 0 && !adminEstablished();
    }

    /**
     * Whether this installation has ever had an Admin. An Admin that came another way (the demo
     * data, a directory group) is noticed here and remembered; the set-up token is then forgotten.
     */
    private boolean adminEstablished() {
        if (installation.adminEstablished()) {
            setupToken = new byte[0];
            return true;
        }
        if (!membership.adminRoleHeld()) {
            return false;
        }
        transaction.executeWithoutResult(status -> installation.establishAdmin(clock.instant()));
        setupToken = new byte[0];
        return true;
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
        if (expected.length == 0 || adminEstablished()) {
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
        installation.establishAdmin(clock.instant());
        events.publishEvent(new AccountActivity(AccountActivity.Kind.FIRST_ADMIN_CREATED, id, name, "Created " + how));
        return id;
    }
}
