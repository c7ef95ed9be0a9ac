package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.NewApiKey;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A browser session keeps the authentication it had at sign-in. Whatever it still holds, a
 * person an administrator disabled, or whose account got locked, can no longer act.
 */
@KeywardTest
class StaleSessionTest {

    @Autowired
    UserAdministration administration;

    @Autowired
    ApiKeyService keys;

    @Autowired
    UserFixtures users;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuthorityRefresh authorityRefresh;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDisabledPersonsOpenPageCannotGenerateAKey() {
        String dana = accounts.create("stale-dana", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
        Authentication danasSession = sessionOf(dana);
        keys.generate(newKey());

        asAdmin(() -> administration.disable(accounts.idOf(dana)));

        SecurityContextHolder.getContext().setAuthentication(danasSession);
        assertThatThrownBy(() -> keys.generate(newKey())).isInstanceOf(AccessDeniedException.class);
        assertThat(keys.mayManageKeysOf(accounts.idOf(dana))).isFalse();
    }

    @Test
    void aDisabledAdministratorsOpenPageCannotDisableSomeoneElse() {
        String mallory = accounts.create("stale-admin", List.of(Authorities.ADMINISTRATION));
        String victim = accounts.create("victim", List.of(Authorities.VIEW_USERS));
        Authentication mallorysSession = sessionOf(mallory);

        asAdmin(() -> administration.disable(accounts.idOf(mallory)));

        SecurityContextHolder.getContext().setAuthentication(mallorysSession);
        assertThatThrownBy(() -> administration.disable(accounts.idOf(victim)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.findAccount(victim).orElseThrow().status().name()).isEqualTo("ENABLED");
    }

    @Test
    void anAccountLockedBehindTheAppsBackStopsActingWithinTheBound() throws Exception {
        String lee = accounts.create("stale-lee", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
        Authentication leesSession = sessionOf(lee);
        keys.generate(newKey());
        // as another instance (or failed sign-ins there) would: straight into the database
        transaction.executeWithoutResult(
                status -> users.lock(accounts.idOf(lee), 5, 1, Instant.now().plus(Duration.ofMinutes(15))));

        SecurityContextHolder.getContext().setAuthentication(leesSession);
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try {
                keys.myLimits();
                Thread.sleep(200);
            } catch (AccessDeniedException expected) {
                refused = true;
            }
        }
        assertThat(refused).as("refused within the 5 s bound").isTrue();
    }

    @Test
    void theSessionKeepsNoPasswordHashAfterANavigation() {
        Authentication session = sessionOf("dana");
        assertThat(((SignedInUser) session.getPrincipal()).getPassword())
                .as("as loaded at sign-in")
                .isNotNull();

        authorityRefresh.refresh();

        Authentication refreshed = SecurityContextHolder.getContext().getAuthentication();
        assertThat(refreshed.getPrincipal()).isInstanceOf(SignedInUser.class);
        assertThat(((SignedInUser) refreshed.getPrincipal()).getPassword()).isNull();
        assertThat(refreshed.getCredentials()).isNull();
        assertThat(refreshed.getAuthorities())
                .extracting(granted -> granted.getAuthority())
                .contains(Authorities.MANAGE_USER_API_KEY);
    }

    private Authentication sessionOf(String username) {
        accounts.signInAs(username);
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private void asAdmin(Runnable action) {
        Authentication before = SecurityContextHolder.getContext().getAuthentication();
        accounts.signInAs("admin");
        action.run();
        SecurityContextHolder.getContext().setAuthentication(before);
    }

    private static NewApiKey newKey() {
        return new NewApiKey(
                "stale " + System.nanoTime(),
                null,
                Set.of("ACCOUNT"),
                Instant.now().plus(Duration.ofDays(30)));
    }
}
