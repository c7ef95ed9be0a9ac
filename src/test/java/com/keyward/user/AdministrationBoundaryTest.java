package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyFixtures;
import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Authorities;
import com.keyward.validation.Explained;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delegated administration is bounded by the actor's own authorities: every account action, tried
 * by an actor who holds all of the target's authorities, by one who lacks one of them, and on their
 * own account. The matrix is printed; a cell that is not what the table says fails the test.
 */
@KeywardTest
class AdministrationBoundaryTest {

    /** What the actor holds in every row: enough to manage accounts and revoke keys, not everything. */
    private static final List<String> ACTOR = List.of(
            Authorities.VIEW_USERS,
            Authorities.MANAGE_USERS,
            Authorities.MANAGE_USER_API_KEY,
            Authorities.REVOKE_USER_API_KEYS);

    private static final List<String> WITHIN = List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY);
    /** One authority more than the actor holds. */
    private static final List<String> BEYOND =
            List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY, Authorities.VIEW_AUDIT_LOG);

    enum Target {
        WITHIN_ACTOR,
        BEYOND_ACTOR,
        SELF
    }

    enum Action {
        EDIT_PROFILE,
        SET_EXPIRY,
        DISABLE,
        ENABLE,
        UNLOCK,
        ADD_ROLE,
        REMOVE_ROLE,
        RESET_PASSWORD,
        DEACTIVATE,
        REVOKE_KEY
    }

    @Autowired
    UserAdministration administration;

    @Autowired
    ApiKeyService keys;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserFixtures users;

    @Autowired
    RoleFixtures roles;

    @Autowired
    ApiKeyFixtures keyFixtures;

    @Autowired
    AuditFixtures audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyAccountActionIsBoundedByTheActorsOwnAuthorities() {
        Map<Action, Map<Target, String>> matrix = new EnumMap<>(Action.class);
        List<String> wrong = new ArrayList<>();
        for (Action action : Action.values()) {
            for (Target target : Target.values()) {
                String outcome = attempt(action, target);
                matrix.computeIfAbsent(action, ignored -> new EnumMap<>(Target.class))
                        .put(target, outcome);
                if (!outcome.equals(expected(action, target))) {
                    wrong.add(action + " × " + target + ": " + outcome + ", expected " + expected(action, target));
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                "%n%-15s | %-22s | %-22s | %-22s%n", "action", "actor ⊇ target", "actor ⊉ target", "self"));
        matrix.forEach((action, row) -> table.append(String.format(
                "%-15s | %-22s | %-22s | %-22s%n",
                action, row.get(Target.WITHIN_ACTOR), row.get(Target.BEYOND_ACTOR), row.get(Target.SELF))));
        System.out.println(table);
        assertThat(wrong).as(table.toString()).isEmpty();
    }

    private static String expected(Action action, Target target) {
        return switch (target) {
            case WITHIN_ACTOR -> "changed";
            case BEYOND_ACTOR -> "refused, audited";
            // one's own keys are one's own to revoke; the rest of one's account is someone else's to change
            case SELF -> action == Action.REVOKE_KEY ? "changed" : "refused";
        };
    }

    /** Makes a fresh actor and target, tries the action, and says what became of the target's account. */
    private String attempt(Action action, Target target) {
        String actor = accounts.create("boundary-actor", ACTOR);
        String victim = target == Target.SELF
                ? actor
                : accounts.create("boundary-target", target == Target.WITHIN_ACTOR ? WITHIN : BEYOND);
        long victimId = accounts.idOf(victim);
        GeneratedApiKey key = accounts.keyOf(victim, "ACCOUNT");
        transaction.executeWithoutResult(status -> {
            if (action == Action.ENABLE) {
                users.setStatus(victimId, UserStatus.DISABLED);
            } else if (action == Action.UNLOCK) {
                users.lock(victimId, 5, 1, Instant.now().plus(1, ChronoUnit.HOURS));
            }
        });
        String before = state(victimId);
        Instant started = Instant.now();
        accounts.signInAs(actor);
        String outcome;
        try {
            run(action, victimId, victim, key.info());
            outcome = "changed";
        } catch (AccessDeniedException refused) {
            assertThat(refused).isInstanceOf(Explained.class);
            outcome = refusalAudited(actor, victim, started) ? "refused, audited" : "refused";
        } finally {
            SecurityContextHolder.clearContext();
        }
        String after = state(victimId);
        if (outcome.equals("changed") == before.equals(after)) {
            return outcome + " (but the account " + (before.equals(after) ? "did not change" : "changed") + ")";
        }
        return outcome;
    }

    private void run(Action action, long victimId, String victim, ApiKeyInfo key) {
        switch (action) {
            case EDIT_PROFILE ->
                administration.edit(victimId, new ProfileForm("Renamed " + victim, victim + "@example.org", null));
            case SET_EXPIRY ->
                administration.edit(
                        victimId,
                        new ProfileForm(
                                "Test boundary-target",
                                victim + "@example.com",
                                Instant.now().plus(3, ChronoUnit.DAYS)));
            case DISABLE -> administration.disable(victimId);
            case ENABLE -> administration.enable(victimId);
            case UNLOCK -> administration.unlock(victimId);
            case ADD_ROLE -> {
                String donor = accounts.create("boundary-role", List.of(Authorities.VIEW_USERS));
                administration.setRoles(victimId, Set.of(accounts.roleOf(victim), accounts.roleOf(donor)));
            }
            case REMOVE_ROLE -> administration.setRoles(victimId, Set.of());
            case RESET_PASSWORD -> administration.resetPassword(victimId);
            case DEACTIVATE -> administration.deactivate(victimId);
            case REVOKE_KEY -> keys.revoke(key.id());
        }
    }

    /** Everything about an account that an action could change, as one string. */
    private String state(long userId) {
        var row = dsl.fetchOne(
                "SELECT status, display_name, email, account_expires_at, password_hash, credentials_version"
                        + " FROM app_user WHERE id = ?",
                userId);
        List<Long> roleIds = roles.findRoleIdsOfUser(userId).stream().sorted().toList();
        List<String> keyStates = keyFixtures.findByOwner(userId, 0, 10).stream()
                .map(key -> key.id() + (key.revokedAt() == null ? " active" : " revoked"))
                .sorted()
                .toList();
        return String.valueOf(row == null ? null : row.intoList()) + roleIds + keyStates;
    }

    private boolean refusalAudited(String actor, String victim, Instant since) {
        List<AuditEvent> refusals =
                audit.findPage(new AuditFilter(AuditEventType.ADMINISTRATION_REFUSED, actor, victim, null, null), 0, 5);
        return refusals.stream()
                .anyMatch(event -> !event.occurredAt().isBefore(since.truncatedTo(ChronoUnit.MILLIS))
                        && event.details() != null
                        && event.details().contains(Authorities.VIEW_AUDIT_LOG));
    }

    @Test
    void manageUsersCannotHandItselfAnAdminsAccountThroughAResetLink() {
        String helpdesk = accounts.create("helpdesk", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USERS));
        long admin = accounts.idOf("admin");
        String before = state(admin);
        accounts.signInAs(helpdesk);
        assertThatThrownBy(() -> administration.resetPassword(admin))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only someone who holds all of admin's authorities can change this account.");
        assertThatThrownBy(() -> administration.setRoles(admin, Set.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.edit(
                        admin,
                        new ProfileForm(
                                "Ada Admin",
                                "admin@keyward.example",
                                Instant.now().plus(1, ChronoUnit.DAYS))))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThat(state(admin)).isEqualTo(before);
        AuditEvent refusal = audit.findPage(
                        new AuditFilter(AuditEventType.ADMINISTRATION_REFUSED, helpdesk, "admin", null, null), 0, 5)
                .getLast();
        assertThat(refusal.details()).startsWith("Refused: reset password; the account holds ADMINISTRATION");
    }

    @Test
    void anAdminWithAnExpiryDoesNotCountAsTheLastEnabledAdmin() {
        String guard = accounts.create("expiry-guard", List.of(Authorities.ADMINISTRATION));
        String lastAdmin = accounts.create("expiry-admin", List.of());
        long lastAdminId = accounts.idOf(lastAdmin);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // every other Admin holder expires tomorrow
            roles.makeOnlyAdmin(lastAdminId, "account_expires_at = UTC_TIMESTAMP(6) + INTERVAL 1 DAY");
            accounts.signInAs(guard);
            assertThatThrownBy(() -> administration.edit(
                            lastAdminId,
                            new ProfileForm(
                                    "Test expiry-admin",
                                    lastAdmin + "@example.com",
                                    Instant.now().plus(30, ChronoUnit.DAYS))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The last enabled Admin without an account expiry cannot be given one.");
            assertThatThrownBy(() -> administration.disable(lastAdminId))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last enabled Admin");
            assertThatThrownBy(() -> administration.deactivate(lastAdminId))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last enabled Admin");
            assertThatThrownBy(() -> administration.setRoles(lastAdminId, Set.of(accounts.roleOf(lastAdmin))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last enabled Admin");
            SecurityContextHolder.clearContext();
            assertThat(users.findAccountById(lastAdminId).orElseThrow().status())
                    .isEqualTo(UserStatus.ENABLED);
        });
    }
}
