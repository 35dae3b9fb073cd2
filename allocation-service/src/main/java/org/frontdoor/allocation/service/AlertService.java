package org.frontdoor.allocation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.frontdoor.allocation.config.AlertConfig;
import org.frontdoor.allocation.config.AllocationConfig;
import org.frontdoor.allocation.domain.Alert;
import org.frontdoor.allocation.domain.AlertCondition;
import org.frontdoor.allocation.domain.AlertKey;
import org.frontdoor.allocation.domain.AlertRules;
import org.frontdoor.allocation.domain.AlertSnapshot;
import org.frontdoor.allocation.domain.AlertState;
import org.frontdoor.allocation.domain.CaseloadPolicy;
import org.frontdoor.allocation.domain.TeamLoad;
import org.frontdoor.allocation.domain.WaitingPolicy;
import org.frontdoor.allocation.messaging.AlertEvents;
import org.frontdoor.allocation.repository.AlertRepository;
import org.frontdoor.allocation.repository.AwaitingContactRepository;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.repository.WorkerRepository;
import org.frontdoor.clocks.WorkingCalendar;
import org.jboss.logging.Logger;

/**
 * Keeps the alert table true to the rules: reads the queue, caseloads and undecided contacts, runs {@link AlertRules}, raises and
 * resolves alerts with their events, and refreshes the gauges, all in one transaction under a database lock so that
 * two instances never race. Runs after every change ({@link AlertTrigger}) and on a timer, because waiting time
 * grows while nothing happens.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    /** What one evaluation changed. */
    public record Evaluation(int raised, int resolved, int active) {
    }

    /** One page of alerts and how many there are in all. */
    public record AlertPage(List<Alert> alerts, long total) {
    }

    private final AlertRepository alerts;
    private final CaseRepository cases;
    private final WorkerRepository workers;
    private final AwaitingContactRepository contacts;
    private final AlertEvents events;
    private final AlertMeters meters;
    private final AlertRules rules;
    private final WaitingPolicy waiting;
    private final CaseloadPolicy caseloads;
    private final Clock clock;
    private final Event<BoardChanged> boardChanged;

    public AlertService(AlertRepository alerts, CaseRepository cases, WorkerRepository workers,
            AwaitingContactRepository contacts, AlertEvents events, AlertMeters meters, AllocationConfig allocation,
            AlertConfig config, WorkingCalendar calendar, Clock clock, Event<BoardChanged> boardChanged) {
        this.boardChanged = boardChanged;
        this.alerts = alerts;
        this.cases = cases;
        this.workers = workers;
        this.contacts = contacts;
        this.events = events;
        this.meters = meters;
        this.waiting = new WaitingPolicy(calendar, allocation.targetWorkingDays());
        this.caseloads = new CaseloadPolicy(allocation.caseloadThresholdPerFte(), allocation.amberFraction());
        this.rules = AlertRules.standard(calendar, waiting, caseloads, config.caseUnallocatedWorkingDays(),
                config.queueThreshold());
        this.clock = clock;
    }

    @Scheduled(every = "${frontdoor.alerts.evaluation-period}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            evaluate();
            // Time passing alone changes waits and RAG: the board hears of it too.
            boardChanged.fire(BoardChanged.INSTANCE);
        } catch (RuntimeException e) {
            LOG.warnf("Alert evaluation failed (%s: %s); the next run retries", e.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    /** Evaluates the alerts as of now. */
    public Evaluation evaluate() {
        return evaluate(clock.instant());
    }

    /**
     * Evaluates the alerts as of {@code now}, in a transaction of its own: it sees every change committed before
     * it took the lock, and whatever commits later triggers another evaluation.
     */
    public Evaluation evaluate(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> reconcile(now));
    }

    @Transactional
    public AlertPage list(AlertState state, String team, int page, int size) {
        PanacheQuery<Alert> found = alerts.search(state, team);
        return new AlertPage(found.page(page, size).list(), found.count());
    }

    private Evaluation reconcile(Instant now) {
        alerts.lockForEvaluation();
        AlertSnapshot snapshot = snapshot(WorkingCalendar.londonDate(now));
        Map<AlertKey, AlertCondition> conditions = rules.conditions(snapshot);
        List<Alert> active = alerts.active();
        AlertRules.Reconciliation<Alert> changes = AlertRules.reconcile(conditions, active, Alert::key);
        for (Alert cleared : changes.toResolve()) {
            cleared.resolve(now);
            events.resolved(cleared);
        }
        // Resolutions first: a condition resolved and raised again in one evaluation must not meet its old row.
        alerts.flush();
        for (AlertCondition condition : changes.toRaise()) {
            Alert raised = Alert.raise(condition, now);
            alerts.persist(raised);
            events.raised(raised);
        }
        alerts.flush();
        meters.show(TeamLoad.of(snapshot, waiting, caseloads), alerts.activeByKind());
        if (!changes.changesNothing()) {
            LOG.debugf("Alerts: %d raised, %d resolved", changes.toRaise().size(), changes.toResolve().size());
        }
        return new Evaluation(changes.toRaise().size(), changes.toResolve().size(), conditions.size());
    }

    private AlertSnapshot snapshot(LocalDate today) {
        Map<String, Integer> held = workers.activeCases();
        return new AlertSnapshot(today,
                cases.queue(null).stream().map(c -> new AlertSnapshot.WaitingCase(c.caseId(), c.childRef(), c.team(),
                        WorkingCalendar.londonDate(c.waitingSince()))).toList(),
                workers.listByTeam(null).stream().map(w -> new AlertSnapshot.WorkerCaseload(w.workerId(), w.team(),
                        w.caseHolding(), w.fte().doubleValue(), w.ownThresholdPerFte(),
                        held.getOrDefault(w.workerId(), 0))).toList(),
                contacts.undecided().stream().map(c -> new AlertSnapshot.UndecidedContact(c.contactId(), c.childRef(),
                        c.team(), c.decisionDueBy())).toList());
    }
}
