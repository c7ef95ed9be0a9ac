package com.keyward.db;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;

/**
 * A transactional method that is tried again when it loses a conflict over a row (a deadlock on
 * one server, a certification failure on Galera): at most 4 more times, after 20, 40, 80, 160 ms
 * with jitter. See {@link ConflictRetries}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Retryable(
        includes = PessimisticLockingFailureException.class,
        maxRetries = 4,
        delay = 20,
        multiplier = 2,
        maxDelay = 200,
        jitter = 10)
public @interface RetriedOnConflict {}
