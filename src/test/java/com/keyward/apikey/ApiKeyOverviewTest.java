package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditFixtures;
import com.keyward.security.Authorities;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Admin › API Keys' service: every key, for those who may revoke anyone's, and nobody else. */
@KeywardTest
class ApiKeyOverviewTest {

    @Autowired
    ApiKeyOverview overview;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AuditFixtures audit;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminFiltersByOwnerRevokesThreeAtOnceEachAuditedAndExportsExactlyTheFilteredRows() {
        String owner = accounts.create("fleet", List.of(Authorities.MANAGE_USER_API_KEY));
        List<GeneratedApiKey> made = List.of(
                accounts.keyOf(owner, "ACCOUNT"), accounts.keyOf(owner, "ACCOUNT"), accounts.keyOf(owner, "ACCOUNT"));
        accounts.signInAs("admin");
        KeyFilter mine = new KeyFilter(owner, null, ApiKeyStatus.ACTIVE, null, null);

        assertThat(overview.count(mine)).isEqualTo(3);
        assertThat(overview.page(mine, KeySort.CREATED, false, 0, 50))
                .extracting(KeyOverviewRow::ownerUsername)
                .containsOnly(owner);

        String csv = overview.csv(mine);
        assertThat(csv.lines()).hasSize(4).first().asString().startsWith("owner,name,api_sets");
        assertThat(csv.lines().skip(1)).allSatisfy(line -> assertThat(line).startsWith(owner + ","));
        made.forEach(key ->
                assertThat(csv).doesNotContain(key.key()).contains(key.info().hint()));

        int revoked = overview.revoke(made.stream().map(key -> key.info().id()).toList());

        assertThat(revoked).isEqualTo(3);
        assertThat(overview.count(mine)).isZero();
        assertThat(overview.count(new KeyFilter(owner, null, ApiKeyStatus.REVOKED, null, null)))
                .isEqualTo(3);
        assertThat(audit.findPage(AuditFilter.NONE, 0, 3))
                .allSatisfy(event -> assertThat(event.type().name()).isEqualTo("API_KEY_REVOKED"))
                .allSatisfy(event -> assertThat(event.targetUsername()).isEqualTo(owner));
    }

    @Test
    void aNameASpreadsheetWouldRunIsExportedAsText() {
        String owner = accounts.create("formula", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey key = accountsKey(owner, "=HYPERLINK(\"http://evil\")");
        accounts.signInAs("admin");

        String csv = overview.csv(new KeyFilter(owner, null, null, null, null));

        assertThat(csv).contains("'=HYPERLINK").doesNotContain("," + key.info().name());
    }

    @Test
    void danaWhoMayNotRevokeOthersKeysCannotListRevokeOrExport() {
        accounts.signInAs("dana");

        assertThatThrownBy(() -> overview.count(KeyFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> overview.page(KeyFilter.NONE, KeySort.CREATED, false, 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> overview.csv(KeyFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> overview.revoke(List.of(1L))).isInstanceOf(AccessDeniedException.class);
        assertThat(overview.mayOpen()).isFalse();
    }

    @Autowired
    ApiKeyService keys;

    private GeneratedApiKey accountsKey(String owner, String name) {
        accounts.signInAs(owner);
        return keys.generate(new NewApiKey(
                name, null, java.util.Set.of("ACCOUNT"), java.time.Instant.now().plus(java.time.Duration.ofDays(5))));
    }
}
