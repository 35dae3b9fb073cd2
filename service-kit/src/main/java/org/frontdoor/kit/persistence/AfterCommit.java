package org.frontdoor.kit.persistence;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Gathers what one transaction does into one value, and acts on it once, after that transaction commits (never
 * after a rollback). A consumer batch or a request may touch the same thing thousands of times in one
 * transaction; this registers one synchronization for all of them.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * The current transaction's value under {@code key}: started (and {@code committed} registered to act on it)
     * the first time it is asked for in the transaction, the same value after that.
     */
    public static <T> T gather(TransactionSynchronizationRegistry transactions, Object key, Supplier<T> start,
            Consumer<T> committed) {
        @SuppressWarnings("unchecked")
        T gathered = (T) transactions.getResource(key);
        if (gathered != null) {
            return gathered;
        }
        T first = start.get();
        transactions.putResource(key, first);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare: what to do depends only on the outcome.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.accept(first);
                }
            }
        });
        return first;
    }
}
