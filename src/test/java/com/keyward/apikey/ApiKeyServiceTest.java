package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditFixtures;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Authorities;
import com.keyward.validation.ValidationException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** ApiKeyService on the real MariaDB, signed in as real accounts. */
@KeywardTest
class ApiKeyServiceTest {

    @Autowired
    ApiKeyService service;

    @Autowired
    ApiKeyRepository keyRepository;

    @Autowired
    AuditFixtures auditRepository;

    @Autowired
    DSLContext dsl;

    @Autowired
    RoleFixtures roles;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestAccounts accounts;

    String owner;

    @BeforeEach
    void signInAsAnIntegrator() {
        owner = accounts.create("integrator", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
        accounts.signInAs(owner);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKeyIsGeneratedForTheSignedInPersonAndOnlyItsDigestIsStoredAnywhere() {
        GeneratedApiKey generated = service.generate(request("ci pipeline", Set.of("ACCOUNT", "USERS")));

        assertThat(ApiKeyFormat.parse(generated.key())).contains(generated.key());
        assertThat(generated.info().ownerId()).isEqualTo(accounts.idOf(owner));
        assertThat(generated.info().apiSetCodes()).containsExactly("ACCOUNT", "USERS");
        assertThat(generated.toString()).doesNotContain(generated.key());
        byte[] stored = dsl.resultQuery(
                        "SELECT key_digest FROM api_key WHERE id = ?",
                        generated.info().id())
                .fetchOne(0, byte[].class);
        assertThat(stored).isEqualTo(ApiKeyFormat.digest(generated.key()));

        assertThat(tablesContaining(generated.key()))
                .as("tables holding the plaintext key")
                .isEmpty();
        assertThat(tablesContaining(generated.key().substring(3, 35)))
                .as("tables holding its random part")
                .isEmpty();
    }

    @Test
    void generatingIsAudited() {
        GeneratedApiKey generated = service.generate(request("audited", Set.of("ROLES")));

        AuditEvent event = auditRepository
                .findPage(com.keyward.audit.AuditFilter.NONE, 0, 1)
                .getFirst();
        assertThat(event.type().name()).isEqualTo("API_KEY_GENERATED");
        assertThat(event.actorUsername()).isEqualTo(owner);
        assertThat(event.details())
                .contains("audited", "Roles API", generated.info().hint())
                .doesNotContain(generated.key());
    }

    @Test
    void someoneWithoutManageUserApiKeyCannotGenerateAndNothingIsStored() {
        accounts.signInAs("sam");
        long before = keyCount();

        assertThatThrownBy(() -> service.generate(request("sneaky", Set.of("ACCOUNT"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(keyCount()).isEqualTo(before);
    }

    @Test
    void noPublicMethodLetsACallerNameTheOwnerOfANewKey() {
        for (Method method : ApiKeyService.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && method.getReturnType() == GeneratedApiKey.class) {
                // generate a new key, or roll one of one's own (refused for anyone else's: see below)
                assertThat(method.getParameterTypes())
                        .as(method.toString())
                        .satisfiesAnyOf(
                                types -> assertThat(types).containsExactly(NewApiKey.class),
                                types -> assertThat(types).containsExactly(long.class, RollOverlap.class));
            }
        }
        assertThat(NewApiKey.class.getRecordComponents())
                .extracting(c -> c.getName())
                .containsExactly("name", "description", "apiSetCodes", "expiresAt", "allowedNetworks", "justification");
    }

    @Test
    void aCraftedCallForSomeoneElsesKeysIsRefused() {
        GeneratedApiKey danasKey = generateAs("dana", "dana's");
        accounts.signInAs(owner);

        long dana = accounts.idOf("dana");
        assertThatThrownBy(() -> service.list(dana, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.revoke(danasKey.info().id())).isInstanceOf(AccessDeniedException.class);
        assertThat(keyRepository.findById(danasKey.info().id()).orElseThrow().revokedAt())
                .isNull();
    }

    @Test
    void anAdminSeesAndRevokesSomeoneElsesKeyAndTheRevocationIsAudited() {
        GeneratedApiKey key = service.generate(request("to revoke", Set.of("ACCOUNT")));
        accounts.signInAs("admin");

        assertThat(service.list(accounts.idOf(owner), 0, 10))
                .extracting(ApiKeyInfo::id)
                .contains(key.info().id());
        service.revoke(key.info().id());

        ApiKeyInfo revoked = keyRepository.findById(key.info().id()).orElseThrow();
        assertThat(revoked.statusAt(Instant.now())).isEqualTo(ApiKeyStatus.REVOKED);
        AuditEvent event = auditRepository
                .findPage(com.keyward.audit.AuditFilter.NONE, 0, 1)
                .getFirst();
        assertThat(event.type().name()).isEqualTo("API_KEY_REVOKED");
        assertThat(event.actorUsername()).isEqualTo("admin");
        assertThat(event.targetUsername()).isEqualTo(owner);
    }

    @Test
    void eachBadFieldGetsItsMessageAndNothingIsStored() {
        long before = keyCount();
        ValidationException failure = catchValidation(
                new NewApiKey("   ", "x".repeat(501), Set.of(), Instant.now().minusSeconds(60)));
        assertThat(failure.errors())
                .containsOnlyKeys(ApiKeyField.NAME, ApiKeyField.DESCRIPTION, ApiKeyField.API_SETS, ApiKeyField.EXPIRES);

        assertThat(catchValidation(new NewApiKey("n".repeat(101), null, Set.of("ACCOUNT"), inDays(30)))
                        .errors())
                .containsOnlyKeys(ApiKeyField.NAME);
        assertThat(catchValidation(new NewApiKey("unknown set", null, Set.of("NUCLEAR"), inDays(30)))
                        .errors())
                .containsOnlyKeys(ApiKeyField.API_SETS);
        assertThat(catchValidation(new NewApiKey("too long", null, Set.of("ACCOUNT"), inDays(366)))
                        .errors()
                        .get(ApiKeyField.EXPIRES))
                .contains("365 days");
        assertThat(keyCount()).isEqualTo(before);
    }

    @Test
    void theNameIsTrimmedAndUniqueAmongTheOwnersActiveKeys() {
        GeneratedApiKey first = service.generate(request("  deploy bot  ", Set.of("ACCOUNT")));
        assertThat(first.info().name()).isEqualTo("deploy bot");

        assertThat(catchValidation(request("deploy bot", Set.of("USERS"))).errors())
                .containsKey(ApiKeyField.NAME);
        service.revoke(first.info().id());
        assertThat(service.generate(request("deploy bot", Set.of("USERS")))
                        .info()
                        .name())
                .isEqualTo("deploy bot");
    }

    @Test
    void theRoleLifetimeLimitCapsTheExpiry() {
        roles.setLimit(accounts.roleOf(owner), "MAX_API_KEY_LIFETIME_DAYS", 30);

        assertThat(service.myLimits().maxApiKeyLifetimeDays()).isEqualTo(30);
        assertThat(catchValidation(new NewApiKey("long", null, Set.of("ACCOUNT"), inDays(31)))
                        .errors())
                .containsKey(ApiKeyField.EXPIRES);
        assertThat(service.generate(new NewApiKey("short", null, Set.of("ACCOUNT"), inDays(29))))
                .isNotNull();
    }

    @Test
    void generatingAndRollingAreTriedAgainInAFreshTransactionWhenTheyLoseAConflict() throws Exception {
        // on Galera the loser of a conflict fails at commit: the retry must wrap the transaction
        org.springframework.aop.framework.Advised proxy = (org.springframework.aop.framework.Advised) service;
        List<String> advice = java.util.Arrays.stream(proxy.getAdvisors())
                .map(advisor -> advisor.getAdvice().getClass().getName())
                .toList();
        int retry = indexOf(advice, "RetryAnnotationInterceptor");
        int transaction = indexOf(advice, "TransactionInterceptor");
        assertThat(retry).as("retry advice in " + advice).isNotNegative();
        assertThat(transaction).as("transaction advice in " + advice).isNotNegative();
        assertThat(retry).as("retry outside the transaction").isLessThan(transaction);
        for (String method : List.of("generate", "roll")) {
            java.lang.reflect.Method target = java.util.Arrays.stream(ApiKeyService.class.getMethods())
                    .filter(candidate -> candidate.getName().equals(method))
                    .findFirst()
                    .orElseThrow();
            var retryable = org.springframework.core.annotation.AnnotatedElementUtils.findMergedAnnotation(
                    target, org.springframework.resilience.annotation.Retryable.class);
            assertThat(retryable).as(method).isNotNull();
            assertThat(retryable.includes())
                    .as(method)
                    .containsExactly(org.springframework.dao.PessimisticLockingFailureException.class);
        }
    }

    private static int indexOf(List<String> advice, String simpleName) {
        for (int i = 0; i < advice.size(); i++) {
            if (advice.get(i).endsWith(simpleName)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void concurrentRequestsCannotExceedTheActiveKeyLimit() throws Exception {
        roles.setLimit(accounts.roleOf(owner), "MAX_ACTIVE_API_KEYS", 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "parallel " + i;
            attempts.add(() -> {
                accounts.signInAs(owner);
                try {
                    service.generate(request(name, Set.of("ACCOUNT")));
                    return true;
                } catch (ValidationException refused) {
                    assertThat(refused.errors()).containsKey(ApiKeyField.FORM);
                    return false;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        }
        int succeeded = 0;
        for (Future<Boolean> result : pool.invokeAll(attempts)) {
            succeeded += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(3);
        assertThat(keyRepository.countActive(accounts.idOf(owner), Instant.now()))
                .isEqualTo(3);
    }

    @Test
    void rollingKeepsNameDescriptionAndSetsAndTheOldKeyWorksUntilTheOverlapEnds() {
        GeneratedApiKey old =
                service.generate(new NewApiKey("deploy bot", "ships builds", Set.of("ACCOUNT", "USERS"), inDays(60)));
        Instant before = Instant.now();

        GeneratedApiKey rolled = service.roll(old.info().id(), RollOverlap.ONE_HOUR);

        assertThat(rolled.key()).isNotEqualTo(old.key());
        assertThat(rolled.info().name()).isEqualTo("deploy bot");
        assertThat(rolled.info().description()).isEqualTo("ships builds");
        assertThat(rolled.info().apiSetCodes()).containsExactly("ACCOUNT", "USERS");
        assertThat(rolled.info().replacesId()).isEqualTo(old.info().id());
        // a fresh expiry: the old key's lifetime, counted from now
        assertThat(Duration.between(rolled.info().createdAt(), rolled.info().expiresAt()))
                .isCloseTo(Duration.ofDays(60), Duration.ofSeconds(5));
        ApiKeyInfo oldNow = keyRepository.findById(old.info().id()).orElseThrow();
        assertThat(oldNow.rolledToId()).isEqualTo(rolled.info().id());
        assertThat(oldNow.expiresAt())
                .isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(oldNow.statusAt(Instant.now())).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(keyRepository.countActive(accounts.idOf(owner), Instant.now()))
                .isEqualTo(2);

        AuditEvent event = auditRepository
                .findPage(com.keyward.audit.AuditFilter.NONE, 0, 1)
                .getFirst();
        assertThat(event.type().name()).isEqualTo("API_KEY_ROLLED");
        assertThat(event.details())
                .contains("deploy bot", old.info().hint(), rolled.info().hint())
                .doesNotContain(old.key(), rolled.key());
        // a rolled key is not rolled again
        assertThat(catchRoll(old.info().id(), RollOverlap.NOW).errors()).containsKey(ApiKeyField.FORM);
    }

    @Test
    void theOverlapNeverOutlivesTheOldKeyAndNowEndsItAtOnce() {
        GeneratedApiKey shortLived = service.generate(new NewApiKey("short", null, Set.of("ACCOUNT"), inDays(2)));
        service.roll(shortLived.info().id(), RollOverlap.SEVEN_DAYS);
        assertThat(keyRepository.findById(shortLived.info().id()).orElseThrow().expiresAt())
                .isEqualTo(shortLived.info().expiresAt());

        GeneratedApiKey other = service.generate(request("ended now", Set.of("ACCOUNT")));
        service.roll(other.info().id(), RollOverlap.NOW);
        assertThat(keyRepository.findById(other.info().id()).orElseThrow().statusAt(Instant.now()))
                .isNotEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void atTheLimitAnOverlapIsRefusedWithTheReasonButNowIsAllowed() {
        roles.setLimit(accounts.roleOf(owner), "MAX_ACTIVE_API_KEYS", 2);
        service.generate(request("first", Set.of("ACCOUNT")));
        GeneratedApiKey second = service.generate(request("second", Set.of("ACCOUNT")));
        long before = keyCount();

        assertThat(catchRoll(second.info().id(), RollOverlap.ONE_DAY).errors().get(ApiKeyField.FORM))
                .contains("both keys count as active", "2 active keys");
        assertThat(keyCount()).isEqualTo(before);
        assertThat(service.roll(second.info().id(), RollOverlap.NOW)).isNotNull();
        assertThat(keyRepository.countActive(accounts.idOf(owner), Instant.now()))
                .isEqualTo(2);
    }

    @Test
    void nobodyRollsSomeoneElsesKeyNotEvenAnAdmin() {
        GeneratedApiKey danasKey = generateAs("dana", "dana's roll");
        accounts.signInAs("admin");
        long before = keyCount();

        assertThatThrownBy(() -> service.roll(danasKey.info().id(), RollOverlap.NOW))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(keyCount()).isEqualTo(before);
        assertThat(keyRepository.findById(danasKey.info().id()).orElseThrow().rolled())
                .isFalse();
    }

    private ValidationException catchRoll(long keyId, RollOverlap overlap) {
        try {
            service.roll(keyId, overlap);
        } catch (ValidationException expected) {
            return expected;
        }
        throw new AssertionError("expected the roll to be refused");
    }

    private GeneratedApiKey generateAs(String username, String name) {
        accounts.signInAs(username);
        return service.generate(request(name + " " + System.nanoTime(), Set.of("ACCOUNT")));
    }

    private ValidationException catchValidation(NewApiKey request) {
        try {
            service.generate(request);
        } catch (ValidationException expected) {
            return expected;
        }
        throw new AssertionError("expected the request to be refused: " + request);
    }

    private static NewApiKey request(String name, Set<String> sets) {
        return new NewApiKey(name, "for tests", sets, inDays(90));
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days));
    }

    private long keyCount() {
        return dsl.fetchCount(dsl.selectFrom("api_key"));
    }

    /** Every table of the schema whose any column, as text or as hex, contains the needle. */
    private List<String> tablesContaining(String needle) {
        String hex = HexFormat.of().formatHex(needle.getBytes()).toUpperCase();
        List<String> found = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (Table<?> table : dsl.meta().getSchemas().stream()
                .filter(schema -> schema.getName().equals(dsl.fetchValue("SELECT DATABASE()", String.class)))
                .flatMap(schema -> schema.getTables().stream())
                .toList()) {
            String columns = String.join(
                    ",",
                    table.fieldStream()
                            .map(field -> "COALESCE(HEX(`" + field.getName() + "`),'') ,COALESCE(CAST(`"
                                    + field.getName() + "` AS CHAR),'')")
                            .toList());
            String sql =
                    "SELECT COUNT(*) FROM `" + table.getName() + "` WHERE UPPER(CONCAT_WS('|'," + columns + ")) LIKE ?";
            long hits = dsl.resultQuery(sql, "%" + needle.toUpperCase() + "%").fetchOne(0, Long.class);
            long hexHits = dsl.resultQuery(sql, "%" + hex + "%").fetchOne(0, Long.class);
            scanned.add(table.getName());
            if (hits + hexHits > 0) {
                found.add(table.getName());
            }
        }
        assertThat(scanned).as("the scan covered the key and audit tables").contains("api_key", "audit_event");
        return found;
    }
}
