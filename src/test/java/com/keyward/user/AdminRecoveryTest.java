package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.keyward.role.RoleFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code recover-admin} on a locked-out installation: the Admin's account is locked and nobody
 * knows its password; the host's command prints a link, the link sets a new password, the Admin
 * signs in, and the audit says the host did it.
 */
@KeywardTest
@ExtendWith(OutputCaptureExtension.class)
class AdminRecoveryTest {

    private static final Pattern LINK = Pattern.compile("/set-password/([A-Za-z0-9_-]{43})");
    private static final String NEW_PASSWORD = "a long new passphrase for recovery 7";

    @Autowired
    AdminRecovery recovery;

    @Autowired
    Passwords passwords;

    @Autowired
    UserRepository users;

    @Autowired
    RoleFixtures roles;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuthenticationManager signIn;

    @Autowired
    AuditFixtures audit;

    @Test
    void aLockedOutAdminGetsALinkFromTheHostAndSignsInAgain(CapturedOutput output) {
        String admin = lockedOutAdmin();
        assertThat(signsIn(admin, "the forgotten password 123")).isFalse();

        AdminRecovery.Outcome outcome = recovery.recover(admin.toUpperCase(java.util.Locale.ROOT), false);

        assertThat(outcome.exitStatus()).isZero();
        Matcher link = LINK.matcher(outcome.message());
        assertThat(link.find()).as(outcome.message()).isTrue();
        assertThat(users.findAccount(admin).orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        // the old password is void at once, whoever knew it
        assertThat(signsIn(admin, "the forgotten password 123")).isFalse();
        assertThat(passwords.setWithLink(link.group(1), NEW_PASSWORD)).isEqualTo(admin);
        assertThat(signsIn(admin, NEW_PASSWORD)).isTrue();
        assertThat(audit.findPage(new AuditFilter(AuditEventType.ADMIN_RECOVERED, null, admin, null, null), 0, 5))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorUsername()).isEqualTo("host (recover-admin)");
                    assertThat(event.details()).contains("lock lifted").doesNotContain(link.group(1));
                });
        // the link is printed by the command, never logged
        assertThat(output.getAll()).doesNotContain(link.group(1));
    }

    @Test
    void anUnknownNameIsOneClearLineAndChangesNothing() {
        AdminRecovery.Outcome outcome = recovery.recover("nobody-" + UUID.randomUUID(), false);
        assertThat(outcome.exitStatus()).isEqualTo(AdminRecovery.UNKNOWN_ACCOUNT);
        assertThat(outcome.message())
                .startsWith("recover-admin: there is no account named")
                .doesNotContain("\n");
    }

    @Test
    void anAccountWithoutTheAdminRoleGetsItOnlyWhenTheHostSaysSo() {
        String sam = account("recover-sam");
        AdminRecovery.Outcome refused = recovery.recover(sam, false);
        assertThat(refused.exitStatus()).isEqualTo(AdminRecovery.NOT_AN_ADMIN);
        assertThat(refused.message()).contains("--grant-admin");
        assertThat(signsIn(sam, sam)).as("nothing changed").isTrue();

        AdminRecovery.Outcome granted = recovery.recover(sam, true);
        assertThat(granted.exitStatus()).isZero();
        long id = users.findIdByUsername(sam).orElseThrow();
        assertThat(roles.findRoleIdsOfUser(id)).contains(roles.findBuiltInId());
        assertThat(audit.findPage(new AuditFilter(AuditEventType.ADMIN_RECOVERED, null, sam, null, null), 0, 5))
                .extracting(AuditEvent::details)
                .singleElement()
                .asString()
                .contains("Admin role given");
    }

    /** An Admin whose account got locked (as failed sign-ins did before version 21) for a day. */
    private String lockedOutAdmin() {
        String admin = account("recover-ada");
        transaction.executeWithoutResult(status -> {
            long id = users.findIdByUsername(admin).orElseThrow();
            roles.assign(id, roles.findBuiltInId());
            users.replacePassword(id, encoder.encode("the forgotten password 123"), Instant.now());
            users.lock(id, 5, 3, Instant.now().plus(Duration.ofDays(1)));
        });
        return admin;
    }

    private String account(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        users.insert(
                new NewUser(
                        username,
                        username,
                        username + "@example.com",
                        UserStatus.ENABLED,
                        null,
                        encoder.encode(username)),
                Instant.now());
        return username;
    }

    private boolean signsIn(String username, String password) {
        try {
            return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                    .isAuthenticated();
        } catch (AuthenticationException refused) {
            return false;
        }
    }
}
