package org.frontdoor.allocation.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.Allocation;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.Worker;
import org.frontdoor.events.CaseAllocated;
import org.frontdoor.events.CaseDeallocated;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.WorkerUpdated;
import org.frontdoor.kit.outbox.Outbox;

/** Maps allocation's own state changes to contract events in the caller's transaction (the outbox). */
@ApplicationScoped
public class AllocationEvents {

    private final Outbox outbox;

    public AllocationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The case left its worker: back to the queue since {@code waitingSince}, or closed (null). */
    public void caseDeallocated(Case subject, String workerId, Instant at, String by, String reason,
            Instant waitingSince) {
        outbox.append(EventTypes.CASE_DEALLOCATED, subject.caseId().toString(), subject.childRef(),
                new CaseDeallocated(subject.caseId().toString(), subject.childRef(), workerId, subject.team(), at, by,
                        reason, waitingSince));
    }

    public void caseAllocated(Case allocated, Allocation allocation, String team, String previousWorkerId) {
        outbox.append(EventTypes.CASE_ALLOCATED, allocated.caseId().toString(), allocated.childRef(),
                new CaseAllocated(allocated.caseId().toString(), allocated.childRef(), allocation.workerId(), team,
                        allocation.allocatedAt(), allocation.allocatedBy(), allocation.overrideReason() != null,
                        previousWorkerId));
    }

    /** The worker was added or changed; about no child, so keyed by the worker id, and without the display name. */
    public void workerUpdated(Worker worker) {
        outbox.append(EventTypes.WORKER_UPDATED, worker.workerId(), worker.workerId(),
                new WorkerUpdated(worker.workerId(), worker.team(), worker.updatedAt(), worker.fte(),
                        worker.caseHolding(), worker.caseloadThreshold()));
    }
}
