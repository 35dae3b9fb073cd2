package org.frontdoor.allocation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.Allocation;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.events.CaseAllocated;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.outbox.Outbox;

/** Maps allocation's own state changes to contract events in the caller's transaction (the outbox). */
@ApplicationScoped
public class AllocationEvents {

    private final Outbox outbox;

    public AllocationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void caseAllocated(Case allocated, Allocation allocation, String team, String previousWorkerId) {
        outbox.append(EventTypes.CASE_ALLOCATED, allocated.caseId().toString(), allocated.childRef(),
                new CaseAllocated(allocated.caseId().toString(), allocated.childRef(), allocation.workerId(), team,
                        allocation.allocatedAt(), allocation.allocatedBy(), allocation.overrideReason() != null,
                        previousWorkerId));
    }
}
