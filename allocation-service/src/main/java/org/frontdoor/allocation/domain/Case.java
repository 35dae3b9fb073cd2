package org.frontdoor.allocation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.frontdoor.kit.problem.ConflictProblem;

/**
 * A case as allocation sees it: open or closed, waiting since when, and who holds it. It guards the
 * rules of allocation that depend on the case alone.
 */
@Entity(name = "AllocationCase")
@Table(name = "allocation_case")
public class Case {

    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "child_ref")
    private String childRef;
    private String team;
    @Column(name = "referral_date")
    private LocalDate referralDate;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "waiting_since")
    private Instant waitingSince;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "allocated_at")
    private Instant allocatedAt;
    @Version
    private long version;

    protected Case() {
    }

    /** A case just opened by a referral: unallocated, waiting since it opened. */
    public static Case opened(UUID caseId, String childRef, String team, LocalDate referralDate, Instant openedAt) {
        Case opened = new Case();
        opened.caseId = caseId;
        opened.childRef = childRef;
        opened.team = team;
        opened.referralDate = referralDate;
        opened.openedAt = openedAt;
        opened.status = CaseStatus.OPEN;
        opened.waitingSince = openedAt;
        return opened;
    }

    /**
     * Gives the case to {@code worker}, returning the worker who held it before (null if none).
     *
     * @throws ConflictProblem when the case is closed, already held by that worker, or the time is before the case opened
     */
    /** Why this case cannot go to the worker at that moment, or null when it can. */
    public String allocationRefusal(Worker worker, Instant at) {
        if (status != CaseStatus.OPEN) {
            return "Case " + caseId + " is closed";
        }
        if (worker.workerId().equals(workerId)) {
            return "Case " + caseId + " is already allocated to " + workerId;
        }
        if (at.isBefore(openedAt)) {
            return "allocatedAt " + at + " is before the case opened at " + openedAt;
        }
        if (allocatedAt != null && at.isBefore(allocatedAt)) {
            return "allocatedAt " + at + " is before the current allocation at " + allocatedAt;
        }
        return null;
    }

    public String allocateTo(Worker worker, Instant at) {
        String refusal = allocationRefusal(worker, at);
        if (refusal != null) {
            throw new ConflictProblem(refusal);
        }
        String previous = workerId;
        this.workerId = worker.workerId();
        this.allocatedAt = at;
        return previous;
    }

    /**
     * Takes the case from its worker: it returns to the queue, waiting from now.
     *
     * @return the worker who held it
     * @throws ConflictProblem when the case is closed or nobody holds it
     */
    public String deallocate(Instant at) {
        if (status != CaseStatus.OPEN) {
            throw new ConflictProblem("Case " + caseId + " is closed");
        }
        if (workerId == null) {
            throw new ConflictProblem("Case " + caseId + " is not allocated");
        }
        if (at.isBefore(allocatedAt)) {
            throw new ConflictProblem("The deallocation time " + at + " is before the allocation at " + allocatedAt);
        }
        String previous = workerId;
        this.workerId = null;
        this.allocatedAt = null;
        this.waitingSince = at;
        return previous;
    }

    /**
     * Closes the case: it leaves the queue and its worker's caseload.
     *
     * @return the worker who held it, or null
     */
    public String close() {
        String previous = workerId;
        this.status = CaseStatus.CLOSED;
        this.workerId = null;
        this.allocatedAt = null;
        return previous;
    }

    public boolean isUnallocated() {
        return status == CaseStatus.OPEN && workerId == null;
    }

    public UUID caseId() {
        return caseId;
    }

    public String childRef() {
        return childRef;
    }

    public String team() {
        return team;
    }

    public LocalDate referralDate() {
        return referralDate;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public String workerId() {
        return workerId;
    }

    public Instant allocatedAt() {
        return allocatedAt;
    }
}
