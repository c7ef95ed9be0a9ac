package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.apikey.ApiKeyService;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A read whose connection was lost under it (a Galera node gone at COMMIT) is read again; a write is not. */
@KeywardTest
class RetriedReadsTest {

    @Autowired
    ApiKeyService keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReadWhoseConnectionWasLostIsReadAgain() {
        AtomicInteger attempts = new AtomicInteger();
        String read = RetriedReads.read(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new TransientDataAccessResourceException("reconnected after a failure during a COMMIT");
            }
            return "read";
        });
        assertThat(read).isEqualTo("read");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void atMostTwiceMoreAndNeverInsideACallersTransaction() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> RetriedReads.read(() -> {
                    attempts.incrementAndGet();
                    throw new TransientDataAccessResourceException("gone");
                }))
                .isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(attempts).hasValue(3);

        attempts.set(0);
        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                        .executeWithoutResult(outer -> RetriedReads.read(() -> {
                            attempts.incrementAndGet();
                            throw new TransientDataAccessResourceException("gone");
                        })))
                .isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aFailureThatCameAfterAWaitIsNotWaitedForAgain() throws Throwable {
        AtomicInteger attempts = new AtomicInteger();
        AtomicLong now = new AtomicLong();
        assertThatThrownBy(() -> RetriedReads.attempts(
                        () -> {
                            attempts.incrementAndGet();
                            // the pool's 1.5 s for a connection, or a frozen server's connection cut
                            now.addAndGet(Duration.ofMillis(1500).toNanos());
                            throw new TransientDataAccessResourceException("no connection within 1500 ms");
                        },
                        now::get))
                .isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(attempts).as("attempts").hasValue(1);

        attempts.set(0);
        String read = RetriedReads.attempts(
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        now.addAndGet(Duration.ofMillis(5).toNanos());
                        throw new TransientDataAccessResourceException("a node gone: at once");
                    }
                    return "read";
                },
                now::get);
        assertThat(read).isEqualTo("read");
        assertThat(attempts).as("attempts").hasValue(2);
    }

    /** What a read-only service method saw on each attempt: was it inside its transaction? */
    static class FlakyRead {

        final List<Boolean> inTransaction = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Transactional(readOnly = true)
        public String read() {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            if (inTransaction.size() == 1) {
                throw new TransientDataAccessResourceException("reconnected after a failure during a COMMIT");
            }
            return "read";
        }
    }

    @Test
    void theReadReadAgainRunsInATransactionOfItsOwnAgain() {
        FlakyRead target = new FlakyRead();
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvisor(RetriedReads.retriedReadsAdvisor());
        factory.addAdvice(new TransactionInterceptor(
                (TransactionManager) transactions, new AnnotationTransactionAttributeSource()));
        FlakyRead proxied = (FlakyRead) factory.getProxy();

        assertThat(proxied.read()).isEqualTo("read");
        assertThat(target.inTransaction)
                .as("in a transaction, attempt by attempt")
                .containsExactly(true, true);
    }

    @Test
    void theAdviceWrapsEveryReadOnlyTransactionAndNoWritingOne() throws Exception {
        List<Advisor> advisors = Arrays.asList(((Advised) keys).getAdvisors());
        List<String> advice = advisors.stream()
                .map(advisor -> advisor.getAdvice().getClass().getName())
                .toList();
        PointcutAdvisor reads = (PointcutAdvisor) advisors.stream()
                .filter(advisor -> advisor.getAdvice().getClass().getName().contains("RetriedReads"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no read retry in " + advice));
        int transaction = advice.indexOf(advice.stream()
                .filter(name -> name.endsWith("TransactionInterceptor"))
                .findFirst()
                .orElseThrow());
        assertThat(advisors.indexOf(reads))
                .as("outside the transaction: " + advice)
                .isLessThan(transaction);

        var matcher = reads.getPointcut().getMethodMatcher();
        assertThat(matcher.matches(ApiKeyService.class.getMethod("count", long.class), ApiKeyService.class))
                .as("count, read-only")
                .isTrue();
        assertThat(matcher.matches(ApiKeyService.class.getMethod("revoke", long.class), ApiKeyService.class))
                .as("revoke, a write: it may have committed")
                .isFalse();
    }
}
