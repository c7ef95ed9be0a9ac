package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.security.Authorities;
import com.keyward.validation.Conflict;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The explicit link an administrator makes between a local account and an outside identity.
 */
@KeywardTest
class ExternalAccountsTest {

    private static final String ISSUER = "https://idp.example/realms/corp";

    @Autowired
    ExternalAccounts external;

    @Autowired
    TestAccounts accounts;

    @Autowired
    DSLContext dsl;

    @Autowired
    UserRepository users;

    @Autowired
    com.keyward.role.RoleFixtures roles;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdministratorLinksALocalAccountToAnSsoIdentityWhichThenSignsIntoIt() {
        String erin = accounts.create("erin", List.of(Authorities.VIEW_USERS));
        long id = accounts.idOf(erin);
        accounts.signInAs("admin");

        external.link(id, AccountSource.SSO, ISSUER, "subject-of-" + erin);
        SecurityContextHolder.clearContext();

        assertThat(value("SELECT source FROM app_user WHERE id = " + id)).isEqualTo("SSO");
        assertThat(value("SELECT password_hash IS NULL FROM app_user WHERE id = " + id))
                .isEqualTo("1");
        assertThat(value("SELECT details FROM audit_event WHERE type = 'ACCOUNT_EDITED' AND target_user_id = " + id
                        + " ORDER BY id DESC LIMIT 1"))
                .startsWith("Linked to SSO identity (" + ISSUER + ", subject-of-" + erin + ")");
        // the provider may call her something else: the binding finds her account, under its handle
        ExternalAccounts.Presence presence = external.present(
                AccountSource.SSO,
                new ExternalPerson(ISSUER, "subject-of-" + erin, erin, "Erin Sso", "erin@idp.example", Set.of()));
        assertThat(presence).isEqualTo(new ExternalAccounts.Admitted(id, erin));
        assertThat(value("SELECT email FROM app_user WHERE id = " + id)).isEqualTo("erin@idp.example");
    }

    @Test
    void linkingNeedsManageUsersALocalAccountAndAnIdentityNobodyHolds() {
        String viewer = accounts.create("viewer", List.of(Authorities.VIEW_USERS));
        String first = accounts.create("first", List.of());
        String second = accounts.create("second", List.of());
        accounts.signInAs(viewer);
        assertThatThrownBy(() -> external.link(accounts.idOf(first), AccountSource.SSO, ISSUER, "x-" + first))
                .isInstanceOf(AccessDeniedException.class);

        accounts.signInAs("admin");
        external.link(accounts.idOf(first), AccountSource.SSO, ISSUER, "x-" + first);
        assertThatThrownBy(() -> external.link(accounts.idOf(second), AccountSource.SSO, ISSUER, "x-" + first))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> external.link(accounts.idOf(first), AccountSource.SSO, ISSUER, "y-" + first))
                .isInstanceOf(Conflict.class);
        assertThat(value("SELECT source FROM app_user WHERE id = " + accounts.idOf(second)))
                .isEqualTo("LOCAL");
    }

    @Test
    void linkingIsBoundedByTheActorsOwnAuthoritiesLikeEveryOtherAccountChange() {
        String helpdesk = accounts.create("link-helpdesk", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USERS));
        accounts.signInAs(helpdesk);
        // linking the Admin to an identity the linker controls would hand them the Admin's account
        assertThatThrownBy(() -> external.link(accounts.idOf("admin"), AccountSource.SSO, ISSUER, "helpdesk-subject"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only someone who holds all of admin's authorities can change this account.");
        assertThat(value("SELECT source FROM app_user WHERE username = 'admin'"))
                .isEqualTo("LOCAL");
    }

    @Test
    void theDirectoryCannotDisableTheLastEnabledAdmin() {
        // rolled back: the sync tests must not meet these accounts, whose entries no directory has
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            long lastAdmin = directoryAccount();
            long other = directoryAccount();
            roles.makeOnlyAdmin(lastAdmin, "status = 'DISABLED'");

            external.absent(lastAdmin);
            external.absent(other);

            assertThat(value("SELECT status FROM app_user WHERE id = " + lastAdmin))
                    .isEqualTo("ENABLED");
            assertThat(value("SELECT status FROM app_user WHERE id = " + other)).isEqualTo("DIRECTORY_DISABLED");
        });
    }

    private long directoryAccount() {
        String name = "dir-" + System.nanoTime();
        return users.insertExternal(
                AccountSource.DIRECTORY,
                new ExternalPerson("directory", "cn=" + name, name, "Dir " + name, name + "@example.com", Set.of()),
                java.time.Instant.now());
    }

    private String value(String sql) {
        return String.valueOf(dsl.fetchSingle(sql).get(0));
    }
}
