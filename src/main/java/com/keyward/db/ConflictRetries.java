package com.keyward.db;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Transactions that can lose a conflict are tried again, each attempt in a transaction of its own.
 *
 * <p>On one MariaDB server two transactions that want the same row wait for each other, and one
 * may lose a deadlock. On a Galera cluster two nodes do not wait for each other: both go ahead,
 * and the one that commits second fails certification with the same error (1213, "deadlock"),
 * which Spring reports as a {@link org.springframework.dao.PessimisticLockingFailureException}.
 * A method marked {@link RetriedOnConflict} runs again then, a bounded number of times, and sees
 * what the winner committed. Spring's {@code @Retryable} advice wraps the transactional advice
 * (it is placed before existing advisors), so every attempt is a new transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class ConflictRetries {}
