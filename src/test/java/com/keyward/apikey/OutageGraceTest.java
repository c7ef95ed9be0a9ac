package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.keyward.db.DatabaseMonitor;
import com.keyward.role.RoleMembership;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * While the database is away, a key this node checked a moment ago is judged by that check (so that
 * introspection and known callers survive a short outage); any other key, a key revoked here, and
 * every key when the grace is zero get a database failure, which the API answers 503.
 */
class OutageGraceTest {

    private final ApiKeyRepository keys = mock(ApiKeyRepository.class);
    private final RoleMembership roles = mock(RoleMembership.class);
    private final DatabaseMonitor database = mock(DatabaseMonitor.class);
    private final String known = ApiKeyFormat.generate();
    private final String unknown = ApiKeyFormat.generate();

    private ApiKeyAuthenticator authenticator(Duration grace) {
        when(keys.findCredential(any())).thenReturn(Optional.of(KeyCheckBenchmark.credential()));
        when(roles.effectiveAuthorityCodes(anyLong())).thenReturn(Set.of("ACCOUNT"));
        when(database.reachable()).thenReturn(true);
        // no cache: every check goes to the database while it is there
        return new ApiKeyAuthenticator(
                keys,
                roles,
                new ApiKeyUsageRecorder(keys, Clock.systemUTC()),
                Clock.systemUTC(),
                database,
                Duration.ZERO,
                grace);
    }

    @Test
    void aKeyCheckedAMomentAgoIsJudgedByThatCheckWhileTheDatabaseIsAway() {
        ApiKeyAuthenticator authenticator = authenticator(Duration.ofSeconds(30));
        assertThat(authenticator.authenticate(known, "10.0.0.1")).isInstanceOf(ApiKeyAuthenticator.Accepted.class);

        databaseGoesAway();

        assertThat(authenticator.authenticate(known, "10.0.0.1"))
                .as("known key during the outage")
                .isInstanceOfSatisfying(
                        ApiKeyAuthenticator.Accepted.class,
                        accepted ->
                                assertThat(accepted.principal().getUsername()).isEqualTo("dana"));
        assertThatThrownBy(() -> authenticator.authenticate(unknown, "10.0.0.1"))
                .as("a key never checked here")
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void aKeyRevokedOnThisNodeIsNotServedFromTheLastCheck() {
        ApiKeyAuthenticator authenticator = authenticator(Duration.ofSeconds(30));
        authenticator.authenticate(known, "10.0.0.1");

        authenticator.onRevoked(new ApiKeyRevoked(42, 7, "dana", "Freeze", "kw_abcd…wxyz"));
        databaseGoesAway();

        assertThatThrownBy(() -> authenticator.authenticate(known, "10.0.0.1"))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void withoutAGraceEveryKeyWaitsForTheDatabase() {
        ApiKeyAuthenticator authenticator = authenticator(Duration.ZERO);
        authenticator.authenticate(known, "10.0.0.1");

        databaseGoesAway();

        assertThatThrownBy(() -> authenticator.authenticate(known, "10.0.0.1"))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    /** The monitor says so and the lookups fail as a lost connection does. */
    private void databaseGoesAway() {
        when(database.reachable()).thenReturn(false);
        when(keys.findCredential(any())).thenThrow(new DataAccessResourceFailureException("Socket error"));
    }
}
