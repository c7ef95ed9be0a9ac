package com.keyward.security;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Tells {@link CurrentUser} when a transaction of this thread begins and ends, so that a writing
 * transaction never borrows a second connection to learn who is acting. Spring Boot hands every
 * such listener to its transaction manager; {@code CurrentUser} itself needs that manager, hence
 * this go-between that finds it only when a transaction begins.
 */
@Component
class WritingTransactions implements TransactionExecutionListener {

    private final ObjectProvider<CurrentUser> currentUser;

    WritingTransactions(ObjectProvider<CurrentUser> currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeBegin(TransactionExecution transaction) {
        currentUser.getObject().beforeBegin(transaction);
    }

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        currentUser.getObject().afterBegin(transaction, beginFailure);
    }

    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        currentUser.getObject().afterCommit(transaction, commitFailure);
    }

    @Override
    public void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
        currentUser.getObject().afterRollback(transaction, rollbackFailure);
    }
}
