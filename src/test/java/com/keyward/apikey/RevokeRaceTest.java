package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.security.Authorities;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** A request that arrives while a revocation is being committed must not keep the key alive. */
@KeywardTest
class RevokeRaceTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyService keys;

    @Autowired
    ApiKeyAuthenticator authenticator;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aLookupBetweenRevokeAndCommitDoesNotCacheTheKeyAsActive() throws Exception {
        String owner = accounts.create("race", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey generated = accounts.keyOf(owner, "ACCOUNT");
        accounts.signInAs(owner);
        assertThat(authenticator.authenticate(generated.key(), "127.0.0.1"))
                .isInstanceOf(ApiKeyAuthenticator.Accepted.class);

        transaction.executeWithoutResult(status -> {
            keys.revoke(generated.info().id());
            // another request, on another thread, before the revocation is committed
            var during = CompletableFuture.supplyAsync(() -> authenticator.authenticate(generated.key(), "127.0.0.1"))
                    .join();
            assertThat(during).as("not yet revoked for anyone else").isInstanceOf(ApiKeyAuthenticator.Accepted.class);
        });

        assertThat(authenticator.authenticate(generated.key(), "127.0.0.1"))
                .isEqualTo(new ApiKeyAuthenticator.Refused(ApiKeyAuthenticator.Failure.REVOKED));
    }
}
