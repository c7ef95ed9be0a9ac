package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.SecondContext;
import com.keyward.TestAccounts;
import com.keyward.security.Authorities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * One person's key generations at once, more of them than the pool has connections: each holds a
 * connection while it waits for the account row, so the row's holder must never need a second one
 * (before issue 31, the signed-in person's fresh state was read in a transaction of its own, and
 * the pool starved: "cannot reach its database").
 */
@KeywardTest
@ExtendWith(SecondContext.class)
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=3")
class KeyGenerationPoolTest {

    private static final int GENERATIONS = 8;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiKeyService keys;

    @Test
    void eightGenerationsAtOnceForOnePersonOnAPoolOfThreeAllSucceed() throws Exception {
        String owner = accounts.create("pool", List.of(Authorities.MANAGE_USER_API_KEY));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(GENERATIONS);
        List<Future<GeneratedApiKey>> generated = new ArrayList<>();
        for (int i = 0; i < GENERATIONS; i++) {
            String name = "pool key " + i;
            generated.add(threads.submit(() -> {
                accounts.signInAs(owner);
                try {
                    go.await();
                    return keys.generate(new NewApiKey(
                            name, null, Set.of("ACCOUNT"), Instant.now().plus(Duration.ofDays(30))));
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        go.countDown();
        List<String> failures = new ArrayList<>();
        for (Future<GeneratedApiKey> generation : generated) {
            try {
                generation.get(2, TimeUnit.MINUTES);
            } catch (ExecutionException failed) {
                failures.add(failed.getCause().toString());
            }
        }
        threads.shutdown();

        assertThat(failures).as("generations that failed").isEmpty();
        accounts.signInAs(owner);
        try {
            assertThat(keys.count(accounts.idOf(owner), ApiKeyStatus.ACTIVE)).isEqualTo(GENERATIONS);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
