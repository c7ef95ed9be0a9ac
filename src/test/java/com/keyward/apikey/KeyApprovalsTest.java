package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apiset.ApiSetForm;
import com.keyward.apiset.ApiSetService;
import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.keyward.security.Authorities;
import com.keyward.validation.Refused;
import com.keyward.validation.ValidationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Four-eyes keys on the real MariaDB: a set that needs an approver, and one decision per request. */
@KeywardTest
class KeyApprovalsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ApiKeyService keys;

    @Autowired
    KeyApprovals approvals;

    @Autowired
    ApiKeyAuthenticator authenticator;

    @Autowired
    ApiSetService apiSets;

    @Autowired
    KeyReminders reminders;

    @Autowired
    AuditFixtures audit;

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    String owner;
    String approver;
    String sensitive;

    @BeforeEach
    void aSetThatNeedsApproval() {
        String setAdmin = accounts.create("set-admin", List.of(Authorities.MANAGE_API_SETS));
        accounts.signInAs(setAdmin);
        sensitive = "PAYROLL_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        apiSets.create(new ApiSetForm(sensitive, "Payroll " + sensitive, "Salaries of everyone.", "payroll"));
        apiSets.setNeedsApproval(sensitive, true);
        owner = accounts.create("integrator", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
        approver = accounts.create("approver", List.of(Authorities.APPROVE_API_KEYS));
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private GeneratedApiKey generate(String name, Set<String> sets, String justification) {
        accounts.signInAs(owner);
        try {
            return keys.generate(
                    new NewApiKey(name, null, sets, Instant.now().plus(Duration.ofDays(30)), null, justification));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private ApiKeyCredential credential(GeneratedApiKey key) {
        ApiKeyAuthenticator.Outcome outcome = authenticator.authenticate(key.key(), "127.0.0.1");
        assertThat(outcome).isInstanceOf(ApiKeyAuthenticator.Accepted.class);
        return ((ApiKeyAuthenticator.Accepted) outcome).credential();
    }

    @Test
    void aSetThatNeedsApprovalNeedsAJustificationAndIsPendingUntilApproved() {
        assertThatThrownBy(() -> generate("no reason", Set.of("ACCOUNT", sensitive), "  "))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.messages()
                                        .get(ApiKeyField.JUSTIFICATION)
                                        .key())
                                .isEqualTo("newkey.justification.empty"));

        GeneratedApiKey key = generate("payroll export", Set.of("ACCOUNT", sensitive), "The monthly export job.");
        ApiKeyCredential pending = credential(key);
        assertThat(pending.apiSetCodes()).containsExactly("ACCOUNT");
        assertThat(pending.pendingSetCodes()).containsExactly(sensitive);

        accounts.signInAs(approver);
        assertThat(approvals.pending())
                .filteredOn(request -> request.keyId() == key.info().id())
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.ownerUsername()).isEqualTo(owner);
                    assertThat(request.justification()).isEqualTo("The monthly export job.");
                    assertThat(request.setNames()).containsExactly("Payroll " + sensitive);
                    assertThat(request.own()).isFalse();
                });
        approvals.approve(key.info().id());

        ApiKeyCredential approved = credential(key);
        assertThat(approved.apiSetCodes()).containsExactlyInAnyOrder("ACCOUNT", sensitive);
        assertThat(approved.pendingSetCodes()).isEmpty();
        assertThat(audit.findPage(new AuditFilter(AuditEventType.API_KEY_APPROVED, null, owner, null, null), 0, 1))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.actorUsername()).isEqualTo(approver);
                    assertThat(event.details()).contains("payroll export", "Payroll " + sensitive);
                });
    }

    @Test
    void aDeniedSetIsTakenOffTheKeyWhichKeepsTheRestAndTheReasonIsKept() {
        GeneratedApiKey key = generate("payroll read", Set.of("ACCOUNT", sensitive), "Reporting.");
        accounts.signInAs(approver);
        assertThatThrownBy(() -> approvals.deny(key.info().id(), " "))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        refused -> assertThat(refused.messages()
                                        .get(ApprovalField.REASON)
                                        .key())
                                .isEqualTo("approvals.reason.empty"));

        approvals.deny(key.info().id(), "Reporting has its own read-only export.");

        ApiKeyCredential denied = credential(key);
        assertThat(denied.apiSetCodes()).containsExactly("ACCOUNT");
        assertThat(denied.pendingSetCodes()).isEmpty();
        assertThat(approvals.pending())
                .noneMatch(request -> request.keyId() == key.info().id());
        assertThat(audit.findPage(new AuditFilter(AuditEventType.API_KEY_DENIED, null, owner, null, null), 0, 1))
                .singleElement()
                .satisfies(event -> assertThat(event.details()).contains("Reporting has its own read-only export."));
        // the owner's bell says so, with the reason
        accounts.signInAs(owner);
        // (the key expires in 30 days: the shared context's reminder job may rightly add its 30-day
        // reminder meanwhile, seen in a fresh clone's ./mvnw verify)
        assertThat(reminders.mine())
                .filteredOn(reminder -> reminder.apiKeyId() == key.info().id())
                .filteredOn(reminder -> reminder.kind() != KeyReminder.Kind.EXPIRES_30)
                .singleElement()
                .satisfies(reminder -> {
                    assertThat(reminder.kind()).isEqualTo(KeyReminder.Kind.DENIED);
                    assertThat(reminder.reason()).isEqualTo("Reporting has its own read-only export.");
                });
    }

    @Test
    void aKeyWithOnlyDeniedSetsIsRevoked() {
        GeneratedApiKey key = generate("payroll only", Set.of(sensitive), "Export.");
        accounts.signInAs(approver);
        approvals.deny(key.info().id(), "No.");
        assertThat(authenticator.authenticate(key.key(), "127.0.0.1")).isInstanceOf(ApiKeyAuthenticator.Refused.class);
    }

    @Test
    void nobodyApprovesTheirOwnKey() {
        String both = accounts.create(
                "self", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY, Authorities.APPROVE_API_KEYS));
        accounts.signInAs(both);
        GeneratedApiKey key = keys.generate(
                new NewApiKey("mine", null, Set.of(sensitive), Instant.now().plusSeconds(86_400), null, "Mine."));
        assertThat(approvals.pending())
                .filteredOn(request -> request.keyId() == key.info().id())
                .singleElement()
                .satisfies(request -> assertThat(request.own()).isTrue());

        assertThatThrownBy(() -> approvals.approve(key.info().id()))
                .isInstanceOfSatisfying(
                        Refused.class,
                        refused -> assertThat(refused.explanation().key()).isEqualTo("approvals.own"));
        assertThatThrownBy(() -> approvals.deny(key.info().id(), "Mine, denied."))
                .isInstanceOf(Refused.class);
        assertThat(credential(key).pendingSetCodes()).containsExactly(sensitive);
    }

    @Test
    void someoneWithoutApproveApiKeysCanNeitherSeeNorDecide() {
        GeneratedApiKey key = generate("payroll job", Set.of(sensitive), "Job.");
        accounts.signInAs(owner);
        assertThat(approvals.mayApprove()).isFalse();
        assertThat(approvals.pendingCount()).isZero();
        assertThatThrownBy(() -> approvals.pending()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.approve(key.info().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.deny(key.info().id(), "no")).isInstanceOf(AccessDeniedException.class);
        assertThat(credential(key).pendingSetCodes()).containsExactly(sensitive);
    }

    @Test
    void anApprovalAndADenialAtTheSameMomentDecideTheRequestOnce() throws Exception {
        String second = accounts.create("approver", List.of(Authorities.APPROVE_API_KEYS));
        for (int round = 0; round < 5; round++) {
            String name = "race " + round;
            GeneratedApiKey key = generate(name, Set.of("ACCOUNT", sensitive), "Race.");
            long id = key.info().id();
            CyclicBarrier start = new CyclicBarrier(2);
            List<Callable<String>> deciders = List.of(
                    () -> as(approver, start, () -> approvals.approve(id)),
                    () -> as(second, start, () -> approvals.deny(id, "Too broad.")));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<String> outcomes = new ArrayList<>();
            try {
                for (Future<String> outcome : pool.invokeAll(deciders)) {
                    outcomes.add(outcome.get());
                }
            } finally {
                pool.shutdown();
            }
            assertThat(outcomes).as("round %d", round).containsOnlyOnce("decided");
            assertThat(outcomes).as("round %d", round).containsOnlyOnce("approvals.decided");
            ApiKeyCredential after = credential(key);
            boolean approved = after.apiSetCodes().contains(sensitive);
            assertThat(after.pendingSetCodes()).isEmpty();
            accounts.signInAs(approver);
            long decisions = audit.findPage(new AuditFilter(null, null, owner, null, null), 0, 100).stream()
                    .filter(event -> event.type() == AuditEventType.API_KEY_APPROVED
                            || event.type() == AuditEventType.API_KEY_DENIED)
                    .filter(event -> event.details() != null && event.details().contains(name + "\""))
                    .count();
            assertThat(decisions)
                    .as("audited decisions, round %d (approved: %s)", round, approved)
                    .isEqualTo(1);
            SecurityContextHolder.clearContext();
        }
    }

    private String as(String username, CyclicBarrier start, Runnable decision) throws Exception {
        accounts.signInAs(username);
        try {
            start.await();
            decision.run();
            return "decided";
        } catch (ValidationException lost) {
            return lost.messages().get(ApprovalField.FORM).key();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theApiAnswers403AwaitingApprovalForAPendingBuiltInSetAnd200OnceApproved() throws Exception {
        String setAdmin = accounts.create("set-admin", List.of(Authorities.MANAGE_API_SETS));
        accounts.signInAs(setAdmin);
        apiSets.setNeedsApproval("USERS", true);
        try {
            GeneratedApiKey key = generate("users export", Set.of("ACCOUNT", "USERS"), "Directory sync.");
            assertThat(get("/api/v1/account", key).statusCode()).isEqualTo(200);
            // the Account API shows each key's sets and those awaiting approval
            assertThat(get("/api/v1/account/keys", key).body())
                    .contains("\"apiSetCodes\":[\"ACCOUNT\"]", "\"pendingApiSetCodes\":[\"USERS\"]");
            HttpResponse<String> awaiting = get("/api/v1/users", key);
            assertThat(awaiting.statusCode()).isEqualTo(403);
            assertThat(awaiting.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(awaiting.body()).contains("Awaiting Approval", "awaits an approver", "Users API");

            accounts.signInAs(approver);
            approvals.approve(key.info().id());
            assertThat(get("/api/v1/users", key).statusCode()).isEqualTo(200);
        } finally {
            accounts.signInAs(setAdmin);
            apiSets.setNeedsApproval("USERS", false);
        }
    }

    private HttpResponse<String> get(String path, GeneratedApiKey key) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("X-Api-Key", key.key())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
