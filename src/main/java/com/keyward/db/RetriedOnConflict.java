package com.keyward.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transactional method that is tried again when it loses a conflict over a row (a deadlock on
 * one server, a certification failure on Galera): at most 8 more times, after 20, 40, 80 … up to
 * 640 ms, each with up to 40 ms of jitter so that the losers of one conflict do not meet again.
 * Twenty generations at once for one person through two Galera nodes once lost 5 times in a row
 * with 4 retries after 20–160 ms (GaleraIT: "an error on the server"). Only when it began the transaction: called inside someone else's, the conflict
 * goes to the caller, whose transaction is the one to try again. See {@link ConflictRetries}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Retryable(
        includes = PessimisticLockingFailureException.class,
        predicate = RetriedOnConflict.Outermost.class,
        maxRetries = RetriedOnConflict.MAX_RETRIES,
        delay = RetriedOnConflict.DELAY_MS,
        multiplier = RetriedOnConflict.MULTIPLIER,
        maxDelay = RetriedOnConflict.MAX_DELAY_MS,
        jitter = RetriedOnConflict.JITTER_MS)
public @interface RetriedOnConflict {

    long MAX_RETRIES = 8;
    long DELAY_MS = 20;
    double MULTIPLIER = 2;
    long MAX_DELAY_MS = 640;
    long JITTER_MS = 40;

    /**
     * Tries again only when no transaction is left running on this thread: the failed attempt's
     * own transaction has ended, and no caller's transaction (rolled back with it) is around it.
     */
    final class Outermost implements MethodRetryPredicate {

        @Override
        public boolean shouldRetry(Method method, Throwable failure) {
            return !TransactionSynchronizationManager.isActualTransactionActive();
        }
    }
}
