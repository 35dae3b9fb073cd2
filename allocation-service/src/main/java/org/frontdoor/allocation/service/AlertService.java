package org.frontdoor.allocation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * Keeps the alert table true to the rules: reads what they need of the queue, caseloads and undecided contacts, runs
 * {@link AlertRules}, raises and resolves alerts with their events, and refreshes the gauges, all in one transaction
 * under a database lock so that two instances never race. Runs after every change ({@link AlertTrigger}) and on a
 * timer, because waiting time grows while nothing happens.
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
    private final int caseLimitWorkingDays;
    private final Clock clock;
    private final Event<BoardChanged> boardChanged;
    /** The gauges' readings by team, kept between evaluations so that one of a few teams updates only theirs. */
    private final Map<String, TeamLoad> loads = new ConcurrentHashMap<>();

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
        this.caseLimitWorkingDays = config.caseUnallocatedWorkingDays();
        this.rules = AlertRules.standard(calendar, waiting, caseloads, caseLimitWorkingDays,
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
        return QuarkusTransaction.requiringNew().call(() -> reconcile(now, null));
    }

    /**
     * Evaluates the alerts of these teams only, as of now (after a change that touched only them): the same rules
     * over their queue, workers and contacts, reconciled with their active alerts.
     */
    public Evaluation evaluate(Collection<String> teams) {
        if (teams.isEmpty()) {
            return new Evaluation(0, 0, 0);
        }
        Set<String> scope = Set.copyOf(teams);
        return QuarkusTransaction.requiringNew().call(() -> reconcile(clock.instant(), scope));
    }

    /** The active alerts of each of these teams, newest first, at most {@code max} a team: one query. */
    @Transactional
    public Map<String, List<Alert>> activeByTeam(Collection<String> teams, int max) {
        Map<String, List<Alert>> byTeam = new LinkedHashMap<>();
        teams.forEach(team -> byTeam.put(team, new ArrayList<>()));
        for (Alert alert : alerts.active(teams)) {
            List<Alert> team = byTeam.get(alert.team());
            if (team != null && team.size() < max) {
                team.add(alert);
            }
        }
        return byTeam;
    }

    @Transactional
    public AlertPage list(AlertState state, String team, int page, int size) {
        PanacheQuery<Alert> found = alerts.search(state, team);
        return new AlertPage(found.page(page, size).list(), found.count());
    }

    /** Reconciles the alerts of {@code teams} (null: every team) with the rules, under the evaluation lock. */
    private Evaluation reconcile(Instant now, Set<String> teams) {
        alerts.lockForEvaluation();
        AlertSnapshot snapshot = snapshot(WorkingCalendar.londonDate(now), teams);
        Map<AlertKey, AlertCondition> conditions = rules.conditions(snapshot);
        List<Alert> active = teams == null ? alerts.active() : alerts.active(teams);
        AlertRules.Reconciliation<Alert> changes = AlertRules.reconcile(conditions, active, Alert::key);
        for (Alert cleared : changes.toResolve()) {
            cleared.resolve(now);
            events.resolved(cleared);
        }
        // Resolutions first: a condition resolved and raised again in one evaluation must not meet its old row.
        alerts.flush();
        // A subject that moved team keeps its alert under the old team until an evaluation of every team.
        Set<AlertKey> elsewhere = teams == null ? Set.of() : activeElsewhere(teams, changes.toRaise());
        int raisedCount = 0;
        for (AlertCondition condition : changes.toRaise()) {
            Alert raised = Alert.raise(condition, now);
            if (elsewhere.contains(raised.key())) {
                continue;
            }
            alerts.persist(raised);
            events.raised(raised);
            raisedCount++;
        }
        alerts.flush();
        showLoads(TeamLoad.of(snapshot, waiting, caseloads), teams);
        if (!changes.changesNothing()) {
            LOG.debugf("Alerts: %d raised, %d resolved", raisedCount, changes.toResolve().size());
        }
        return new Evaluation(raisedCount, changes.toResolve().size(), conditions.size());
    }

    /** Keys among {@code toRaise} already active under a team outside {@code teams}, a thousand subjects a query. */
    private Set<AlertKey> activeElsewhere(Set<String> teams, List<AlertCondition> toRaise) {
        List<String> subjects = toRaise.stream().map(AlertCondition::subjectId).distinct().toList();
        Set<AlertKey> found = new java.util.HashSet<>();
        for (int from = 0; from < subjects.size(); from += 1_000) {
            alerts.activeOutside(teams, subjects.subList(from, Math.min(subjects.size(), from + 1_000)))
                    .forEach(alert -> found.add(alert.key()));
        }
        return found;
    }

    private synchronized void showLoads(List<TeamLoad> evaluated, Set<String> teams) {
        if (teams == null) {
            loads.clear();
        } else {
            loads.keySet().removeAll(teams);
        }
        evaluated.forEach(load -> loads.put(load.team(), load));
        meters.show(new ArrayList<>(loads.values()), alerts.activeByKind());
    }

    /**
     * What the rules need of these teams (null: every team), in four narrow queries whatever the queue's length: each
     * team's queue counted, only the cases waiting long enough to be over the limit one by one (the rule checks each
     * again), the workers' caseloads counted, and only the contacts already past their due date.
     */
    private AlertSnapshot snapshot(LocalDate today, Set<String> teams) {
        Instant overLimitBefore = waiting.lastDayWaitingMoreThan(caseLimitWorkingDays, today).plusDays(1)
                .atStartOfDay(WorkingCalendar.LONDON).toInstant();
        return new AlertSnapshot(today,
                cases.queueSizes(teams).stream().map(q -> new AlertSnapshot.TeamQueue(q.team(),
                        Math.toIntExact(q.waiting()), WorkingCalendar.londonDate(q.longestWaitingSince()))).toList(),
                cases.queuedBefore(overLimitBefore, teams).stream()
                        .map(c -> new AlertSnapshot.WaitingCase(c.caseId(), c.childRef(), c.team(),
                                WorkingCalendar.londonDate(c.waitingSince()))).toList(),
                workers.caseloads(teams).stream()
                        .map(w -> new AlertSnapshot.WorkerCaseload(w.workerId(), w.team(), w.caseHolding(),
                                w.fte().doubleValue(), w.ownThresholdPerFte(), Math.toIntExact(w.activeCases())))
                        .toList(),
                contacts.overdue(today, teams));
    }
}
