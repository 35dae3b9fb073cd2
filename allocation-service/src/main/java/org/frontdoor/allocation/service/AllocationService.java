package org.frontdoor.allocation.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.frontdoor.allocation.config.AllocationConfig;
import org.frontdoor.allocation.domain.Allocation;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.CaseStatus;
import org.frontdoor.allocation.domain.CaseloadPolicy;
import org.frontdoor.allocation.domain.Rag;
import org.frontdoor.allocation.domain.WaitingPolicy;
import org.frontdoor.allocation.domain.Worker;
import org.frontdoor.allocation.messaging.AllocationEvents;
import org.frontdoor.allocation.repository.AllocationRepository;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.repository.WorkerRepository;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CaseDeallocated;
import org.frontdoor.kit.audit.AuditTrail;
import org.frontdoor.kit.clock.Clocks;
import org.frontdoor.kit.problem.ConflictProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;

/**
 * Allocation's use cases: keeping workers, reading the queue and caseloads, and giving a case to a
 * worker within the caseload rules — each change one transaction with its event.
 */
@ApplicationScoped
public class AllocationService {

    /** A worker with their current load, as the duty board shows them. */
    public record WorkerLoad(Worker worker, int activeCases, double casesPerFte, double threshold, Rag rag) {
    }

    /** An unallocated case with how long it has waited. */
    public record QueueEntry(Case waiting, int workingDaysWaiting, Rag rag) {
    }

    /** The outcome of an allocation. */
    public record Allocated(Case allocated, Allocation allocation, String previousWorkerId) {
    }

    /** Why an allocation ended when its case closed. */
    public static final String CASE_CLOSED = CaseDeallocated.CASE_CLOSED;

    private final WorkerRepository workers;
    private final CaseRepository cases;
    private final AllocationRepository allocations;
    private final AllocationEvents events;
    private final CaseloadPolicy caseloads;
    private final WaitingPolicy waiting;
    private final Clocks clocks;
    private final Clock clock;
    private final AuditTrail audit;
    private final AlertTrigger alerts;

    public AllocationService(WorkerRepository workers, CaseRepository cases, AllocationRepository allocations,
            AllocationEvents events, AllocationConfig config, WorkingCalendar calendar, Clocks clocks, Clock clock,
            AuditTrail audit, AlertTrigger alerts) {
        this.workers = workers;
        this.cases = cases;
        this.allocations = allocations;
        this.events = events;
        this.caseloads = new CaseloadPolicy(config.caseloadThresholdPerFte(), config.amberFraction());
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
        Worker worker = workers.findByIdOptional(workerId).orElseThrow(() -> new NotFoundProblem("Worker", workerId));
        return load(worker, workers.activeCases(workerId));
    }

    @Transactional
    public List<WorkerLoad> workers(String team) {
        Map<String, Integer> active = workers.activeCases();
        return workers.listByTeam(team).stream().map(w -> load(w, active.getOrDefault(w.workerId(), 0))).toList();
    }

    @Transactional
    public List<QueueEntry> queue(String team) {
        LocalDate today = WorkingCalendar.londonDate(clock.instant());
        return cases.queue(team).stream().map(c -> {
            int days = waiting.workingDaysWaiting(WorkingCalendar.londonDate(c.waitingSince()), today);
            return new QueueEntry(c, days, waiting.rag(days));
        }).toList();
    }

    /**
     * Gives the case to the worker. Refuses a worker of another team, one who holds no cases, or one at or
     * over threshold unless the manager gives an override reason, which is recorded.
     */
    @Transactional
    public Allocated allocate(UUID caseId, String workerId, Instant allocatedAt, String allocatedBy,
            String overrideReason) {
        Instant at = clocks.requestTime("allocatedAt", allocatedAt, clock.instant());
        Case toAllocate = cases.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("Case", caseId));
        // Locking the worker serialises allocations to one worker, so two at once cannot both pass the threshold.
        Worker worker = workers.findByIdOptional(workerId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("Worker", workerId));
        if (!worker.team().equals(toAllocate.team())) {
            throw new ConflictProblem("Worker " + workerId + " is in team " + worker.team() + ", the case is in team "
                    + toAllocate.team());
        }
        if (!worker.caseHolding()) {
            throw new ConflictProblem("Worker " + workerId + " does not hold cases");
        }
        int active = workers.activeCases(workerId);
        boolean overThreshold = caseloads.atOrOverThreshold(active, worker.fte().doubleValue(),
                worker.ownThresholdPerFte());
        boolean overridden = overrideReason != null && !overrideReason.isBlank();
        if (overThreshold && !overridden) {
            throw new ConflictProblem("Worker " + workerId + " is at or over the caseload threshold (" + active
                    + " cases at " + worker.fte() + " FTE); give an overrideReason to allocate anyway");
        }
        String previous = toAllocate.allocateTo(worker, at);
        allocations.findCurrent(caseId).ifPresent(current -> current.end(at, "REALLOCATED"));
        Allocation allocation = new Allocation(caseId, workerId, at, allocatedBy,
                overThreshold && overridden ? overrideReason : null);
        allocations.persist(allocation);
        events.caseAllocated(toAllocate, allocation, worker.team(), previous);
        audit.record("case.allocated", "case", caseId.toString(), caseId.toString());
        alerts.changed();
        return new Allocated(toAllocate, allocation, previous);
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
        alerts.changed();
    }

    /**
     * Applies a case's closure from referral-service: it leaves the queue, and its allocation, if any,
     * ends (a {@code CASE_CLOSED} deallocation).
     */
    @Transactional
    public void caseClosed(UUID caseId, Instant closedAt) {
        Case closing = cases.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (closing == null || closing.status() != CaseStatus.OPEN) {
            return;
        }
        String previous = closing.close();
        if (previous != null) {
            allocations.findCurrent(caseId).ifPresent(current -> current.end(closedAt, CASE_CLOSED));
            events.caseDeallocated(closing, previous, closedAt, "referral-service", CASE_CLOSED, null);
        }
        alerts.changed();
    }

    private WorkerLoad load(Worker worker, int active) {
        double fte = worker.fte().doubleValue();
        return new WorkerLoad(worker, active, CaseloadPolicy.casesPerFte(active, fte),
                caseloads.thresholdPerFte(worker.ownThresholdPerFte()),
                caseloads.rag(active, fte, worker.ownThresholdPerFte()));
    }
}
