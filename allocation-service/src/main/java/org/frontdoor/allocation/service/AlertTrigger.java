package org.frontdoor.allocation.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

/**
 * Re-evaluates alerts soon after each change commits, on a thread of its own. After commit, because the evaluation
 * must see the change and must never make a command or a consumer batch fail; on its own thread, so that a burst of
 * changes (a consumer batch, a busy morning) costs one evaluation rather than one each. A crash between the commit
 * and the evaluation is made good by the timer.
 */
@ApplicationScoped
public class AlertTrigger {

    private static final Logger LOG = Logger.getLogger(AlertTrigger.class);
    private static final Object REGISTERED = AlertTrigger.class.getName();

    private final AlertService alerts;
    private final Event<BoardChanged> boardChanged;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService evaluator = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alert-evaluation");
        thread.setDaemon(true);
        return thread;
    });

    public AlertTrigger(AlertService alerts, Event<BoardChanged> boardChanged,
            TransactionSynchronizationRegistry transactions) {
        this.alerts = alerts;
        this.boardChanged = boardChanged;
        this.transactions = transactions;
    }

    /** Something the alert rules look at changed: evaluate once the current transaction commits, or now without one. */
    public void changed() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            request();
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    request();
                }
            }
        });
    }

    /** At most one evaluation waits while another runs: it will see every change committed before it starts. */
    private void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                evaluator.execute(this::evaluate);
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    private void evaluate() {
        pending.set(false);
        try {
            alerts.evaluate();
        } catch (RuntimeException e) {
            LOG.warnf("Alert evaluation after a change failed (%s: %s); the timer retries",
                    e.getClass().getSimpleName(), e.getMessage());
        }
        // The board shows the queue, caseloads and alerts: after the alerts, so one push carries all three.
        boardChanged.fire(BoardChanged.INSTANCE);
    }

    void stop(@Observes ShutdownEvent event) {
        evaluator.shutdown();
        try {
            evaluator.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
