package com.keyward.db;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * A writing transaction may wait for a row another one holds (one person's generations at once
 * queue on the account row; on Galera a commit waits for certification): a wait that is work, not
 * a hung database. Its statements may therefore wait up to {@code keyward.db.write-timeout} (10 s)
 * for an answer instead of the pool's 1.5 s; reads, the API's key checks among them, keep the short
 * bound. The pool resets the connection's timeout when the transaction gives it back.
 */
@Component
class WritingWaits implements TransactionExecutionListener {

    private final ObjectProvider<LongStatements> statements;
    private final Duration bound;

    WritingWaits(
            ObjectProvider<LongStatements> statements, @Value("${keyward.db.write-timeout:PT10S}") Duration bound) {
        this.statements = statements;
        this.bound = bound;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure == null && transaction.isNewTransaction() && !transaction.isReadOnly()) {
            statements.getObject().allow(bound);
        }
    }
}
