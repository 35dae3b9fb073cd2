package org.frontdoor.allocation.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.frontdoor.allocation.config.AllocationConfig;
import org.frontdoor.allocation.domain.Allocation;
import org.frontdoor.allocation.domain.AllocationRules;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.CaseStatus;
import org.frontdoor.allocation.domain.CaseloadPolicy;
import org.frontdoor.allocation.domain.Rag;
import org.frontdoor.allocation.domain.WaitingPolicy;
import org.frontdoor.allocation.domain.Worker;
import org.frontdoor.allocation.messaging.AllocationEvents;
import org.frontdoor.allocation.repository.AllocationRepository;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.repository.CaseRepository.QueuedCase;
import org.frontdoor.allocation.repository.HeldEventRepository;
import org.frontdoor.allocation.repository.HeldEventRepository.HeldAllocation;
import org.frontdoor.allocation.repository.WorkerRepository;
import org.frontdoor.allocation.repository.WorkerRepository.Caseload;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CaseDeallocated;
import org.frontdoor.kit.audit.AuditTrail;
import org.frontdoor.kit.clock.Clocks;
import org.frontdoor.kit.problem.ConflictProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.jboss.logging.Logger;

/**
 * Allocation's use cases: keeping workers, reading the queue and caseloads, and giving a case to a
 * worker within the caseload rules — each change one transaction with its event.
 */
@ApplicationScoped
public class AllocationService {

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    /** A worker with their current load, as the duty board shows them. */
    public record WorkerLoad(Caseload worker, int activeCases, double casesPerFte, double threshold, Rag rag) {
    }

    /** An unallocated case with how long it has waited. */
    public record QueueEntry(QueuedCase waiting, int workingDaysWaiting, Rag rag) {
    }

    /** What became of an allocation request. */
    public sealed interface Outcome permits Allocated, Held {
    }

    /** The case was allocated. */
    public record Allocated(Case allocated, Allocation allocation, String previousWorkerId) implements Outcome {
    }

    /** The case is not known here yet: the allocation is held until its case.opened event arrives. */
    public record Held(HeldAllocation allocation) implements Outcome {
    }

    /** Why an allocation ended when its case closed. */
    public static final String CASE_CLOSED = CaseDeallocated.CASE_CLOSED;

    private final WorkerRepository workers;
    private final CaseRepository cases;
    private final AllocationRepository allocations;
    private final AllocationEvents events;
    private final CaseloadPolicy caseloads;
    private final AllocationRules rules;
    private final WaitingPolicy waiting;
    private final Clocks clocks;
    private final Clock clock;
    private final AuditTrail audit;
    private final AlertTrigger alerts;
    private final HeldEventRepository held;
    private final Duration holdFor;

    public AllocationService(WorkerRepository workers, CaseRepository cases, AllocationRepository allocations,
            AllocationEvents events, AllocationConfig config, WorkingCalendar calendar, Clocks clocks, Clock clock,
            AuditTrail audit, AlertTrigger alerts, HeldEventRepository held) {
        this.held = held;
        this.holdFor = config.holdFor();
        this.workers = workers;
        this.cases = cases;
        this.allocations = allocations;
        this.events = events;
        this.caseloads = new CaseloadPolicy(config.caseloadThresholdPerFte(), config.amberFraction());
        this.rules = new AllocationRules(caseloads);
        this.waiting = new WaitingPolicy(calendar, config.targetWorkingDays());
        this.clocks = clocks;
        this.clock = clock;
        this.audit = audit;
        this.alerts = alerts;
    }

    /** Creates or replaces a worker, with its worker.updated event in the same transaction; true when it is new. */
    @Transactional
    public boolean putWorker(String workerId, String displayName, String team, BigDecimal fte, boolean caseHolding,
            BigDecimal threshold) {
        Worker worker = workers.findById(workerId, LockModeType.PESSIMISTIC_WRITE);
        boolean created = worker == null;
        if (created) {
            worker = new Worker(workerId);
        }
        worker.update(displayName, team, fte, caseHolding, threshold, clock.instant());
        if (created) {
            workers.persist(worker);
        }
        events.workerUpdated(worker);
        audit.record("worker.updated", "worker", workerId);
        alerts.changed();
        return created;
    }

    @Transactional
    public WorkerLoad worker(String workerId) {
        return load(workers.caseload(workerId).orElseThrow(() -> new NotFoundProblem("Worker", workerId)));
    }

    @Transactional
    public List<WorkerLoad> workers(String team) {
        return workers.caseloads(team == null ? null : List.of(team)).stream().map(this::load).toList();
    }

    @Transactional
    public List<QueueEntry> queue(String team) {
        LocalDate today = WorkingCalendar.londonDate(clock.instant());
        return cases.queue(team == null ? null : List.of(team)).stream().map(c -> entry(c, today)).toList();
    }

    /** The queue of each of these teams (one query), as {@link #queue(String)} reads one. */
    @Transactional
    public Map<String, List<QueueEntry>> queues(Collection<String> teams) {
        LocalDate today = WorkingCalendar.londonDate(clock.instant());
        Map<String, List<QueueEntry>> byTeam = new LinkedHashMap<>();
        teams.forEach(team -> byTeam.put(team, new ArrayList<>()));
        cases.queue(teams).forEach(c -> byTeam.get(c.team()).add(entry(c, today)));
        return byTeam;
    }

    /** The workers of each of these teams with their loads (one query), as {@link #workers(String)} reads one. */
    @Transactional
    public Map<String, List<WorkerLoad>> workerLoads(Collection<String> teams) {
        Map<String, List<WorkerLoad>> byTeam = new LinkedHashMap<>();
        teams.forEach(team -> byTeam.put(team, new ArrayList<>()));
        workers.caseloads(teams).forEach(w -> byTeam.get(w.team()).add(load(w)));
        return byTeam;
    }

    private QueueEntry entry(QueuedCase queued, LocalDate today) {
        int days = waiting.workingDaysWaiting(WorkingCalendar.londonDate(queued.waitingSince()), today);
        return new QueueEntry(queued, days, waiting.rag(days));
    }

    /**
     * Gives the case to the worker. Refuses a worker of another team, one who holds no cases, or one at or
     * over threshold unless the manager gives an override reason, which is recorded. A case this service has not
     * heard of yet (its case.opened event is still on its way) gets the allocation held, and applied on arrival.
     */
    @Transactional
    public Outcome allocate(UUID caseId, String workerId, Instant allocatedAt, String allocatedBy,
            String overrideReason) {
        Instant now = clock.instant();
        Instant at = clocks.requestTime("allocatedAt", allocatedAt, now);
        Case toAllocate = cases.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        // Locking the worker serialises allocations to one worker, so two at once cannot both pass the threshold.
        Worker worker = workers.findByIdOptional(workerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("Worker", workerId));
        if (toAllocate == null) {
            HeldAllocation hold = new HeldAllocation(caseId, workerId, at, allocatedBy, blankToNull(overrideReason),
                    now.plus(holdFor));
            held.holdAllocation(hold, now);
            audit.record("case.allocation.held", "case", caseId.toString(), caseId.toString());
            return new Held(hold);
        }
        AllocationRules.Verdict verdict = rules.judge(toAllocate, worker, workers.activeCases(workerId), at,
                overrideReason);
        if (!verdict.allowed()) {
            throw new ConflictProblem(verdict.refusal());
        }
        return apply(toAllocate, worker, at, allocatedBy, verdict.overridden() ? overrideReason : null);
    }

    /**
     * A case arrived: applies what was held for it, a closure first (then a held allocation has nothing to
     * allocate), then an allocation, under the same rules as when it was asked for. A held allocation the rules
     * now refuse is dropped with a warning and an audit record; it never fails the consumer.
     */
    @Transactional
    public void caseArrived(Case arrived) {
        Instant now = clock.instant();
        held.takeClosure(arrived.caseId()).ifPresent(closedAt -> caseClosed(arrived.caseId(), closedAt));
        held.takeAllocation(arrived.caseId(), now).ifPresent(hold -> applyHeld(arrived, hold));
    }

    /**
     * Applies holds whose case has arrived but which the case's own arrival did not see: the allocation was held
     * by a request that committed just after the consumer looked. Rare, and made good within a second; cheaper and
     * deadlock-free compared with a lock around "arrives" and "is held".
     */
    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void applyHoldsWhoseCaseArrived() {
        Instant now = clock.instant();
        for (UUID caseId : held.allocationsWithArrivedCase()) {
            // Case first, then worker: the order every allocation takes its locks in.
            Case arrived = cases.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
            held.takeAllocation(caseId, now).ifPresent(hold -> applyHeld(arrived, hold));
        }
    }

    private void applyHeld(Case arrived, HeldAllocation hold) {
        Worker worker = workers.findById(hold.workerId(), LockModeType.PESSIMISTIC_WRITE);
        AllocationRules.Verdict verdict = worker == null
                ? new AllocationRules.Verdict("worker " + hold.workerId() + " no longer exists", false)
                : rules.judge(arrived, worker, workers.activeCases(worker.workerId()), hold.allocatedAt(),
                        hold.overrideReason());
        String refusal = verdict.refusal();
        if (refusal != null) {
            LOG.warnf("Dropped the allocation held for case %s: %s", arrived.caseId(), refusal);
            audit.record("case.allocation.dropped", "case", arrived.caseId().toString(),
                    arrived.caseId().toString());
            return;
        }
        apply(arrived, worker, hold.allocatedAt(), hold.allocatedBy(),
                verdict.overridden() ? hold.overrideReason() : null);
    }

    /** Drops held allocations whose case never arrived. */
    @Scheduled(every = "5m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void dropExpiredHolds() {
        int dropped = held.dropExpired(clock.instant());
        if (dropped > 0) {
            LOG.warnf("Dropped %d held allocation(s) whose case did not arrive within %s", dropped, holdFor);
        }
    }

    /** Makes an allocation the rules allowed; {@code overrideReason} is set only when a threshold was overridden. */
    private Allocated apply(Case toAllocate, Worker worker, Instant at, String allocatedBy, String overrideReason) {
        UUID caseId = toAllocate.caseId();
        String previous = toAllocate.allocateTo(worker, at);
        allocations.findCurrent(caseId).ifPresent(current -> current.end(at, "REALLOCATED"));
        Allocation allocation = new Allocation(caseId, worker.workerId(), at, allocatedBy, overrideReason);
        allocations.persist(allocation);
        events.caseAllocated(toAllocate, allocation, worker.team(), previous);
        audit.record("case.allocated", "case", caseId.toString(), caseId.toString());
        alerts.changed(toAllocate.team());
        return new Allocated(toAllocate, allocation, previous);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Takes the case from its worker; the open case returns to the queue, waiting from now. */
    @Transactional
    public void deallocate(UUID caseId, String reason, String deallocatedBy) {
        if (CASE_CLOSED.equals(reason)) {
            throw new InvalidFieldProblem("reason", "CASE_CLOSED is recorded by the system when a case closes");
        }
        Instant at = clock.instant();
        Case held = cases.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("Case", caseId));
        String previous = held.deallocate(at);
        allocations.findCurrent(caseId).ifPresent(current -> current.end(at, reason));
        events.caseDeallocated(held, previous, at, deallocatedBy, reason, held.waitingSince());
        audit.record("case.deallocated", "case", caseId.toString(), caseId.toString());
        alerts.changed(held.team());
    }

    /**
     * Applies a case's closure from referral-service: it leaves the queue, and its allocation, if any,
     * ends (a {@code CASE_CLOSED} deallocation).
     */
    @Transactional
    public void caseClosed(UUID caseId, Instant closedAt) {
        Case closing = cases.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (closing == null) {
            // Closed before its opening reached us (events in any order): applied when the case arrives.
            held.holdClosure(caseId, closedAt, clock.instant());
            return;
        }
        if (closing.status() != CaseStatus.OPEN) {
            return;
        }
        String previous = closing.close();
        if (previous != null) {
            allocations.findCurrent(caseId).ifPresent(current -> current.end(closedAt, CASE_CLOSED));
            events.caseDeallocated(closing, previous, closedAt, "referral-service", CASE_CLOSED, null);
        }
        alerts.changed(closing.team());
    }

    private WorkerLoad load(Caseload worker) {
        int active = Math.toIntExact(worker.activeCases());
        double fte = worker.fte().doubleValue();
        return new WorkerLoad(worker, active, CaseloadPolicy.casesPerFte(active, fte),
                caseloads.thresholdPerFte(worker.ownThresholdPerFte()),
                caseloads.rag(active, fte, worker.ownThresholdPerFte()));
    }
}
