package com.keyward.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A transaction that loses a conflict runs again in a new one, a bounded number of times, and only when it began it. */
@KeywardTest
class RetriedTransactionsTest {

    @Autowired
    RetriedTransactions retried;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aTransactionThatLosesAConflictRunsAgainInANewTransaction() {
        AtomicInteger attempts = new AtomicInteger();
        java.util.Set<Object> transactionsSeen = new java.util.HashSet<>();
        int result = retried.execute(status -> {
            transactionsSeen.add(TransactionSynchronizationManager.getResourceMap()
                    .values()
                    .iterator()
                    .next());
            if (attempts.incrementAndGet() < 3) {
                throw new PessimisticLockingFailureException("lost a conflict");
            }
            return attempts.get();
        });
        assertThat(result).isEqualTo(3);
        assertThat(transactionsSeen).as("a connection holder per attempt").hasSize(3);
    }

    @Test
    void itGivesUpAfterEightMoreAttemptsWithTheLastConflict() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retried.executeWithoutResult(status -> {
                    throw new PessimisticLockingFailureException("lost again " + attempts.incrementAndGet());
                }))
                .isInstanceOf(PessimisticLockingFailureException.class)
                .hasMessage("lost again " + (1 + RetriedOnConflict.MAX_RETRIES));
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> retried.executeWithoutResult(status -> {
                    attempts.incrementAndGet();
                    throw new DataIntegrityViolationException("duplicate");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void insideACallersTransactionItRunsOnceAndTheCallerGetsTheConflict() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                        .executeWithoutResult(outer -> retried.executeWithoutResult(inner -> {
                            attempts.incrementAndGet();
                            throw new PessimisticLockingFailureException("lost a conflict");
                        })))
                .isInstanceOf(PessimisticLockingFailureException.class);
        assertThat(attempts)
                .as("no attempt again inside a transaction that is rolled back")
                .hasValue(1);
    }

    @Test
    void statementsOutsideATransactionAreTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        RetriedTransactions.statements(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new PessimisticLockingFailureException("lost a conflict");
            }
        });
        assertThat(attempts).hasValue(2);
    }

    @Test
    void theAnnotationTriesAgainOnlyOutsideATransaction() throws Exception {
        RetriedOnConflict.Outermost outermost = new RetriedOnConflict.Outermost();
        java.lang.reflect.Method any = Object.class.getMethod("toString");
        PessimisticLockingFailureException conflict = new PessimisticLockingFailureException("lost");
        assertThat(outermost.shouldRetry(any, conflict)).isTrue();
        Boolean inside = new TransactionTemplate(transactions).execute(status -> outermost.shouldRetry(any, conflict));
        assertThat(inside).isFalse();
    }
}
