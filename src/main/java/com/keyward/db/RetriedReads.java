package com.keyward.db;

import java.lang.reflect.Method;
import java.time.Duration;
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
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
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
 */
@Configuration(proxyBeanMethods = false)
public class RetriedReads {

    private static final RetryTemplate RETRY = new RetryTemplate(RetryPolicy.builder()
            .includes(TransientDataAccessResourceException.class)
            .predicate(failure -> !TransactionSynchronizationManager.isActualTransactionActive())
            .maxRetries(2)
            .delay(Duration.ofMillis(20))
            .multiplier(2)
            .build());

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
    public static <T> T read(Supplier<T> read) {
        return RETRY.invoke(read);
    }

    /**
     * Each attempt proceeds on a fresh copy of the invocation: proceeding twice on one would run the
     * method bare the second time, past the advice after this one (its transaction among them).
     */
    private static @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        @Nullable Object[] result = new Object[1];
        try {
            RETRY.execute(() -> {
                result[0] =
                        ((ProxyMethodInvocation) invocation).invocableClone().proceed();
                return Boolean.TRUE;
            });
        } catch (RetryException exhausted) {
            throw exhausted.getCause() == null ? exhausted : exhausted.getCause();
        }
        return result[0];
    }
}
