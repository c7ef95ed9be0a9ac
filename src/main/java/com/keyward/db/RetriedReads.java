package com.keyward.db;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read whose database connection was lost under it is read again. With a multi-host JDBC URL
 * (a Galera cluster) the MariaDB driver reconnects to the next node at once and replays an open
 * transaction there, but not one that was lost at its COMMIT: it cannot know whether that took.
 * For a read-only transaction it does not matter, so every method that begins one
 * ({@code @Transactional(readOnly = true)}) runs again, at most twice, after 20 and 40 ms: losing a
 * Galera node then costs a request nothing. A write lost at COMMIT is not tried again (it may have
 * committed); the person sees that the database was away, as for any outage.
 *
 * <p>Only a failure that came at once is worth another try (a lost node, the next one answers). One
 * that came after a wait (no connection within the pool's timeout, a frozen server's connection
 * cut) would only be waited for again: the request answers 503 now instead of three waits later.
 */
@Configuration(proxyBeanMethods = false)
public class RetriedReads {

    private static final int RETRIES = 2;
    private static final Duration FIRST_DELAY = Duration.ofMillis(20);
    /** A failure later than this after its attempt began came after a wait, not at once. */
    private static final Duration AT_ONCE = Duration.ofMillis(250);

    /** Around every method that begins a read-only transaction, outside the transaction's own advice. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor retriedReadsAdvisor() {
        AnnotationTransactionAttributeSource transactions = new AnnotationTransactionAttributeSource();
        StaticMethodMatcherPointcut readOnly = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                TransactionAttribute attribute = transactions.getTransactionAttribute(method, targetClass);
                return attribute != null
                        && attribute.isReadOnly()
                        && attribute.getPropagationBehavior() != TransactionAttribute.PROPAGATION_MANDATORY;
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(readOnly, (MethodInterceptor) RetriedReads::invoke);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    /** {@code read} (a read-only transaction of its own), run again when its connection was lost. */
    @SuppressWarnings("NullAway") // what read gave, null only if read gives null
    public static <T> T read(Supplier<T> read) {
        try {
            return attempts(read::get, System::nanoTime);
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }

    /**
     * Each attempt proceeds on a fresh copy of the invocation: proceeding twice on one would run the
     * method bare the second time, past the advice after this one (its transaction among them).
     */
    private static @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        return attempts(
                () -> ((ProxyMethodInvocation) invocation).invocableClone().proceed(), System::nanoTime);
    }

    interface Attempt<T> {
        @Nullable
        T run() throws Throwable;
    }

    /** {@code nanoTime} is the clock that tells a failure at once from one after a wait. */
    static <T> @Nullable T attempts(Attempt<T> attempt, LongSupplier nanoTime) throws Throwable {
        Duration delay = FIRST_DELAY;
        for (int tried = 0; ; tried++) {
            long started = nanoTime.getAsLong();
            try {
                return attempt.run();
            } catch (TransientDataAccessResourceException lost) {
                if (tried == RETRIES
                        || TransactionSynchronizationManager.isActualTransactionActive()
                        || nanoTime.getAsLong() - started > AT_ONCE.toNanos()) {
                    throw lost;
                }
            }
            Thread.sleep(delay);
            delay = delay.multipliedBy(2);
        }
    }
}
