package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.keyward.KeywardTest;
import com.keyward.db.RetriedTransactions;
import com.keyward.role.RoleAssignments;
import java.time.Clock;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "No Admin yet" means no account has ever held the Admin role. A stranger who gets the only
 * Admin locked (or an Admin who is disabled, expired, locked by an administrator) neither reopens
 * {@code /setup} nor stops the next start. Each scenario runs in a transaction that is rolled
 * back, so that the suite's Admins stay as they were.
 */
@KeywardTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    @Autowired
    FirstAdmin firstAdmin;

    @Autowired
    UserRepository users;

    @Autowired
    InstallationRepository installation;

    @Autowired
    RoleAssignments membership;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    RetriedTransactions retried;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    DSLContext dsl;

    @Test
    void aRestartWithTheConfiguredAdminWhileTheOnlyAdminIsLockedGoesOn(CapturedOutput output) {
        everyAdminLocked(() -> {
            FirstAdmin restart = startWith("admin", "an-admin-password-of-some-length");
            assertThatCode(() -> restart.run(new DefaultApplicationArguments())).doesNotThrowAnyException();
            assertThat(restart.setupOpen()).isFalse();
        });
        assertThat(output.getAll())
                .contains("KEYWARD_ADMIN_USERNAME")
                .doesNotContain("This username is taken")
                .doesNotContain("set-up token");
    }

    @Test
    void setupDoesNotReopenWhileTheOnlyAdminIsLocked(CapturedOutput output) {
        everyAdminLocked(() -> {
            FirstAdmin restart = startWith("", null);
            restart.run(new DefaultApplicationArguments());
            assertThat(restart.setupOpen()).isFalse();
        });
        assertThat(output.getAll()).doesNotContain("set-up token");
    }

    @Test
    void theInstallationRemembersThatItHasHadAnAdmin() {
        assertThat(dsl.fetchValue("SELECT admin_established_at FROM installation"))
                .isNotNull();
        assertThat(firstAdmin.setupOpen()).isFalse();
    }

    /** A second start of this installation, as the start-up settings say. */
    private FirstAdmin startWith(String username, @jakarta.annotation.Nullable String password) {
        return new FirstAdmin(
                users, installation, membership, policy, encoder, events, retried, clock, username, password, "", "");
    }

    /** The scenario while every holder of the Admin role is locked; rolled back afterwards. */
    private void everyAdminLocked(Runnable scenario) {
        Consumer<org.springframework.transaction.TransactionStatus> work = status -> {
            status.setRollbackOnly();
            dsl.execute("UPDATE app_user SET status = 'LOCKED', locked_until = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR"
                    + " WHERE id IN (SELECT ur.user_id FROM user_role ur JOIN role r ON r.id = ur.role_id"
                    + " WHERE r.built_in)");
            assertThat(membership.enabledAdminExists()).isFalse();
            scenario.run();
        };
        transaction.executeWithoutResult(work);
    }
}
