package com.keyward.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.keyward.security.Authorities;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserStatus;
import com.keyward.validation.ValidationException;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Roles and their assignment, on the real MariaDB, signed in as real accounts. */
@KeywardTest
class RoleAdministrationTest {

    @Autowired
    RoleService roleService;

    @Autowired
    UserAdministration administration;

    @Autowired
    RoleRepository roles;

    @Autowired
    UserFixtures users;

    @Autowired
    AuthorityRepository authorities;

    @Autowired
    AuditFixtures audit;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DSLContext dsl;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RoleFixtures roleFixtures;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCheckedAreaCoversItsActionsAndTheApplicationCoversEverything() {
        AuthorityTree tree = roleService.tree();
        assertThat(tree.covered(Set.of(Authorities.USERS)))
                .containsExactlyInAnyOrder(
                        Authorities.USERS,
                        Authorities.VIEW_USERS,
                        Authorities.MANAGE_USERS,
                        Authorities.MANAGE_USER_API_KEY,
                        Authorities.REVOKE_USER_API_KEYS,
                        Authorities.APPROVE_API_KEYS);
        assertThat(tree.covered(Set.of(Authorities.ADMINISTRATION))).hasSize(14);
        assertThat(tree.shortest(Set.of(Authorities.USERS, Authorities.VIEW_USERS, Authorities.VIEW_ROLES)))
                .containsExactlyInAnyOrder(Authorities.USERS, Authorities.VIEW_ROLES);
    }

    @Test
    void anAdminCreatesChangesAndDeletesARoleAndEachStepIsAudited() {
        accounts.signInAs("admin");
        String name = "Integrators " + System.nanoTime();
        long id = roleService.create(new RoleForm(
                "  " + name + " ",
                "made in a test",
                Set.of(Authorities.MANAGE_USER_API_KEY, Authorities.USERS),
                3,
                30));

        RoleDetails created = roleService.details(id);
        assertThat(created.name()).isEqualTo(name);
        assertThat(created.authorities()).containsExactly(Authorities.USERS);
        assertThat(created.limits()).isEqualTo(new RoleLimits(3, 30));
        assertThat(latest().type()).isEqualTo(AuditEventType.ROLE_CREATED);
        assertThat(latest().actorUsername()).isEqualTo("admin");

        roleService.update(id, new RoleForm(name, null, Set.of(Authorities.VIEW_ROLES), 5, 60));
        assertThat(roleService.details(id).authorities()).containsExactly(Authorities.VIEW_ROLES);
        assertThat(latest().type()).isEqualTo(AuditEventType.ROLE_CHANGED);
        assertThat(latest().details()).contains("Was:", "USERS", "Now:", "VIEW_ROLES");

        roleService.delete(id);
        assertThat(roles.findDetails(id)).isEmpty();
        assertThat(latest().type()).isEqualTo(AuditEventType.ROLE_DELETED);
    }

    @Test
    void theBuiltInAdminRoleCannotBeChangedOrDeleted() {
        accounts.signInAs("admin");
        long admin = roles.findBuiltInId();
        assertThatThrownBy(() -> roleService.update(admin, new RoleForm("Admin", null, Set.of(), 1, 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> roleService.delete(admin)).isInstanceOf(ValidationException.class);
        assertThat(roleService.details(admin).authorities()).containsExactly(Authorities.ADMINISTRATION);
    }

    @Test
    void aRoleHeldByUsersIsNotDeletedAndTheMessageSaysWhy() {
        accounts.signInAs("admin");
        long viewer = roles.findIdByName("Viewer").orElseThrow();
        assertThatThrownBy(() -> roleService.delete(viewer))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("users hold the role \"Viewer\"");
    }

    @Test
    void badInputIsRefusedPerFieldAndNothingIsSaved() {
        accounts.signInAs("admin");
        int before = roles.count();
        ValidationException refused = catchRefusal(new RoleForm(" ", "d".repeat(501), Set.of("NOPE"), 0, 5000));
        assertThat(refused.errors())
                .containsOnlyKeys(
                        RoleField.NAME,
                        RoleField.DESCRIPTION,
                        RoleField.AUTHORITIES,
                        RoleField.MAX_ACTIVE_API_KEYS,
                        RoleField.MAX_API_KEY_LIFETIME_DAYS);
        assertThat(catchRefusal(new RoleForm("Viewer", null, Set.of(), 1, 1)).errors())
                .containsOnlyKeys(RoleField.NAME);
        assertThat(roles.count()).isEqualTo(before);
    }

    @Test
    void anAuditEntryExistsExactlyWhenItsChangeDoes() {
        accounts.signInAs("admin");
        String name = "Rolled back " + System.nanoTime();
        transaction.executeWithoutResult(status -> {
            roleService.create(new RoleForm(name, null, Set.of(), 1, 1));
            status.setRollbackOnly();
        });
        assertThat(roles.findIdByName(name)).isEmpty();
        assertThat(createdEntriesFor(name)).isEmpty();

        roleService.create(new RoleForm(name, null, Set.of(), 1, 1));
        assertThat(createdEntriesFor(name)).hasSize(1);
    }

    private List<AuditEvent> createdEntriesFor(String roleName) {
        return audit.findPage(new AuditFilter(AuditEventType.ROLE_CREATED, null, null, null, null), 0, 200).stream()
                .filter(event -> event.details() != null && event.details().contains("\"" + roleName + "\""))
                .toList();
    }

    @Test
    void hiddenCharactersAndLookAlikesOfExistingRolesAreRefused() {
        accounts.signInAs("admin");
        int before = roles.count();
        assertThat(catchRefusal(new RoleForm("nul\0role", null, Set.of(), 1, 1)).errors())
                .containsEntry(
                        RoleField.NAME, "Remove the invisible character U+0000 " + "(a control or format character).");
        assertThat(catchRefusal(new RoleForm("\u202Enimda", null, Set.of(), 1, 1))
                        .errors())
                .containsEntry(
                        RoleField.NAME, "Remove the invisible character U+202E " + "(a text-direction control).");
        assertThat(catchRefusal(new RoleForm("Fine name " + System.nanoTime(), "evil\u2066text", Set.of(), 1, 1))
                        .errors())
                .containsOnlyKeys(RoleField.DESCRIPTION);
        // Cyrillic А (U+0410) beside the built-in Admin; another letter case of an existing role
        assertThat(catchRefusal(new RoleForm("\u0410dmin", null, Set.of(), 1, 1))
                        .errors())
                .containsEntry(
                        RoleField.NAME, "This name looks like the role \"Admin\". Choose a clearly different name.");
        assertThat(catchRefusal(new RoleForm("VIEWER", null, Set.of(), 1, 1)).errors())
                .containsOnlyKeys(RoleField.NAME);
        assertThat(roles.count()).isEqualTo(before);
        // line breaks in a description are fine
        roleService.create(new RoleForm("Described " + System.nanoTime(), "line one\nline two", Set.of(), 1, 1));
        assertThat(roles.count()).isEqualTo(before + 1);
    }

    @Test
    void aRoleManagerCannotGrantWhatTheyDoNotHold() {
        String manager = accounts.create("role-manager", List.of(Authorities.ROLES));
        accounts.signInAs(manager);
        assertThat(catchRefusal(new RoleForm(
                                "Escalation " + System.nanoTime(), null, Set.of(Authorities.ADMINISTRATION), 1, 1))
                        .errors())
                .containsKey(RoleField.AUTHORITIES);
        assertThat(roleService.create(
                        new RoleForm("Within reach " + System.nanoTime(), null, Set.of(Authorities.VIEW_ROLES), 1, 1)))
                .isPositive();
    }

    @Test
    void nobodyWithoutManageRolesChangesRoles() {
        accounts.signInAs("sam");
        assertThatThrownBy(() -> roleService.create(new RoleForm("x", null, Set.of(), 1, 1)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void assigningAndRemovingRolesIsAuditedAndTakesEffectInTheAuthorities() {
        String target = accounts.create("target", List.of());
        long targetId = accounts.idOf(target);
        accounts.signInAs("admin");
        long integrator = roles.findIdByName("API Integrator").orElseThrow();

        administration.setRoles(targetId, Set.of(integrator, accounts.roleOf(target)));
        assertThat(authorities.findEffectiveAuthorityCodes(targetId)).contains(Authorities.MANAGE_USER_API_KEY);
        assertThat(latest().type()).isEqualTo(AuditEventType.ROLE_ASSIGNED);
        assertThat(latest().targetUsername()).isEqualTo(target);

        administration.setRoles(targetId, Set.of(accounts.roleOf(target)));
        assertThat(authorities.findEffectiveAuthorityCodes(targetId)).doesNotContain(Authorities.MANAGE_USER_API_KEY);
        assertThat(latest().type()).isEqualTo(AuditEventType.ROLE_REMOVED);
    }

    @Test
    void disablingEnablingAndUnlockingAreAudited() {
        String target = accounts.create("status", List.of());
        long targetId = accounts.idOf(target);
        accounts.signInAs("admin");

        administration.disable(targetId);
        assertThat(users.findAccountById(targetId).orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(latest().type()).isEqualTo(AuditEventType.ACCOUNT_DISABLED);
        administration.enable(targetId);
        assertThat(latest().type()).isEqualTo(AuditEventType.ACCOUNT_ENABLED);
        users.setStatus(targetId, UserStatus.LOCKED);
        administration.unlock(targetId);
        assertThat(users.findAccountById(targetId).orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
        assertThat(latest().type()).isEqualTo(AuditEventType.ACCOUNT_UNLOCKED);
    }

    @Test
    void nobodyRaisesTheirOwnPrivilegesOrHandsOutMoreThanTheyHold() {
        String manager = accounts.create("user-manager", List.of(Authorities.MANAGE_USERS, Authorities.VIEW_USERS));
        long managerId = accounts.idOf(manager);
        long admin = roles.findBuiltInId();
        accounts.signInAs(manager);

        assertThatThrownBy(() -> administration.setRoles(managerId, Set.of(admin, accounts.roleOf(manager))))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("your own");
        String other = accounts.create("other", List.of());
        assertThatThrownBy(() -> administration.setRoles(accounts.idOf(other), Set.of(admin)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("hold yourself");
        assertThat(roles.findRoleIdsOfUser(accounts.idOf(other))).doesNotContain(admin);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledNorLoseTheRole() {
        String manager = accounts.create("admin-guard", List.of(Authorities.ADMINISTRATION));
        String lastAdmin = accounts.create("last-admin", List.of());
        long lastAdminId = accounts.idOf(lastAdmin);
        long admin = roles.findBuiltInId();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            roleFixtures.makeOnlyAdmin(lastAdminId, "status = 'DISABLED'");
            accounts.signInAs(manager);
            assertThatThrownBy(() -> administration.setRoles(lastAdminId, Set.of(accounts.roleOf(lastAdmin))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last enabled Admin");
            assertThatThrownBy(() -> administration.disable(lastAdminId))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("last enabled Admin");
            assertThat(roles.findRoleIdsOfUser(lastAdminId)).contains(admin);
        });
        assertThat(users.findAccount("admin").orElseThrow().status()).isEqualTo(UserStatus.ENABLED);
    }

    private ValidationException catchRefusal(RoleForm form) {
        try {
            roleService.create(form);
        } catch (ValidationException expected) {
            return expected;
        }
        throw new AssertionError("expected a refusal");
    }

    private AuditEvent latest() {
        return audit.findPage(AuditFilter.NONE, 0, 1).getFirst();
    }
}
