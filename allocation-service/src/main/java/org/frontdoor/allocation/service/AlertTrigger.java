package org.frontdoor.allocation.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.frontdoor.kit.persistence.AfterCommit;
import org.jboss.logging.Logger;

/**
 * What happens after a change commits: the board of the teams it touched is pushed at once, and the alerts of those
 * teams are re-evaluated soon after, on a thread of their own. After commit, because both must see the change and
 * must never make a command or a consumer batch fail. The evaluation is debounced — at most one every
 * {@value #MIN_INTERVAL_MILLIS} ms (or twice the last one's duration, when it is slower), covering every team touched
 * meanwhile — so that a busy stream of changes costs a few evaluations a second, not one per batch; the board does not
 * wait for it (an evaluation that raises or resolves something pushes the board again). A crash between the commit
 * and the evaluation is made good by the timer.
 */
@ApplicationScoped
public class AlertTrigger {

    static final long MIN_INTERVAL_MILLIS = 250;
    private static final Logger LOG = Logger.getLogger(AlertTrigger.class);
    private static final Object REGISTERED = AlertTrigger.class.getName();

    private final AlertService alerts;
    private final Event<BoardChanged> boardChanged;
    private final TransactionSynchronizationRegistry transactions;
    private final ScheduledExecutorService evaluator = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alert-evaluation");
        thread.setDaemon(true);
        return thread;
    });
    /** Guards the fields below. */
    private final Object lock = new Object();
    /** Teams to evaluate next; null for every team. */
    private Set<String> pendingTeams = new HashSet<>();
    private boolean scheduled;
    private long lastStartNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private long lastDurationNanos;

    public AlertTrigger(AlertService alerts, Event<BoardChanged> boardChanged,
            TransactionSynchronizationRegistry transactions) {
        this.alerts = alerts;
        this.boardChanged = boardChanged;
        this.transactions = transactions;
    }

    /** Anything the alert rules look at may have changed, in any team (a worker's team, say). */
    public void changed() {
        touched(null);
    }

    /** Something of this team changed. */
    public void changed(String team) {
        touched(new HashSet<>(Set.of(team)));
    }

    /** Something of these teams changed. */
    public void changed(Collection<String> teams) {
        touched(new HashSet<>(teams));
    }

    /** Acts once the current transaction commits (or now, without one), for every team touched in it. */
    private void touched(Set<String> teams) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            committed(teams);
            return;
        }
        AfterCommit.gather(transactions, REGISTERED, Touched::new, touched -> committed(touched.teams)).add(teams);
    }

    private void committed(Set<String> teams) {
        // The board first: the queue and caseloads are what a duty manager watches change.
        boardChanged.fire(new BoardChanged(teams));
        request(teams);
    }

    /** At most one evaluation waits while another runs: it will see every change committed before it starts. */
    private void request(Set<String> teams) {
        long delayNanos;
        synchronized (lock) {
            if (pendingTeams != null) {
                if (teams == null) {
                    pendingTeams = null;
                } else {
                    pendingTeams.addAll(teams);
                }
            }
            if (scheduled) {
                return;
            }
            scheduled = true;
            long interval = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS), 2 * lastDurationNanos);
            delayNanos = Math.max(0, lastStartNanos + interval - System.nanoTime());
        }
        try {
            evaluator.schedule(this::evaluate, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            synchronized (lock) {
                scheduled = false;
            }
        }
    }

    private void evaluate() {
        Set<String> teams;
        long start = System.nanoTime();
        synchronized (lock) {
            teams = pendingTeams;
            pendingTeams = new HashSet<>();
            scheduled = false;
            lastStartNanos = start;
        }
        try {
            AlertService.Evaluation evaluation = teams == null ? alerts.evaluate() : alerts.evaluate(teams);
            if (evaluation.raised() > 0 || evaluation.resolved() > 0) {
                // The board shows the active alerts: push again the boards whose alerts changed.
                boardChanged.fire(new BoardChanged(teams));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Alert evaluation after a change failed (%s: %s); the timer retries",
                    e.getClass().getSimpleName(), e.getMessage());
        } finally {
            synchronized (lock) {
                lastDurationNanos = System.nanoTime() - start;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        evaluator.shutdown();
        try {
            evaluator.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The teams touched in one transaction; null for every team. */
    private static final class Touched {

        /** The teams touched, or null for every team. */
        private Set<String> teams = new HashSet<>();

        void add(Set<String> more) {
            if (teams == null) {
                return;
            }
            if (more == null) {
                teams = null;
            } else {
                teams.addAll(more);
            }
        }
    }
}
