package com.keyward.db;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link RetriedOnConflict} does for a method, for a transaction a job or a service opens
 * itself (a page of a directory sync, one owner's reminder mail) and for a statement that runs
 * on its own (the usage flush): tried again, each attempt in a new transaction, when it loses a
 * conflict over a row, with the same bounds. Inside a transaction that is already running, it
 * runs once: the conflict goes to whoever began that one.
 */
@Component
public class RetriedTransactions {

    private final TransactionTemplate transaction;
    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(PessimisticLockingFailureException.class)
            .predicate(failure -> !TransactionSynchronizationManager.isActualTransactionActive())
            .maxRetries(RetriedOnConflict.MAX_RETRIES)
            .delay(Duration.ofMillis(RetriedOnConflict.DELAY_MS))
            .multiplier(RetriedOnConflict.MULTIPLIER)
            .maxDelay(Duration.ofMillis(RetriedOnConflict.MAX_DELAY_MS))
            .jitter(Duration.ofMillis(RetriedOnConflict.JITTER_MS))
            .build());

    public RetriedTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /** {@code work} in a transaction of its own, tried again when it loses a conflict. */
    public <T extends @Nullable Object> T execute(TransactionCallback<T> work) {
        return RETRY.invoke((Supplier<T>) () -> transaction.execute(work));
    }

    /** {@code work} in a transaction of its own, tried again when it loses a conflict. */
    public void executeWithoutResult(Consumer<TransactionStatus> work) {
        RETRY.invoke(() -> transaction.executeWithoutResult(work));
    }

    /**
     * Statements that run without a transaction (each its own, as autocommit), tried again when
     * one loses a conflict. Each must be harmless to run again once it has committed.
     */
    public static void statements(Runnable work) {
        RETRY.invoke(work);
    }
}
