package org.frontdoor.allocation.domain;

import java.time.Instant;

/**
 * Whether a case may go to a worker (issue 4): the case must be open, not already theirs and allocated no earlier
 * than it opened or than its current allocation; the worker must be in the case's team and hold cases; a worker at
 * or over their caseload threshold takes a case only with a manager's override reason. Pure: the caller supplies
 * the worker's current caseload.
 */
public final class AllocationRules {

    /** The verdict: {@code refusal} null means allowed, and {@code overridden} says a threshold was overridden. */
    public record Verdict(String refusal, boolean overridden) {

        public boolean allowed() {
            return refusal == null;
        }
    }

    private final CaseloadPolicy caseloads;

    public AllocationRules(CaseloadPolicy caseloads) {
        this.caseloads = caseloads;
    }

    public Verdict judge(Case toAllocate, Worker worker, int activeCases, Instant at, String overrideReason) {
        String caseRefusal = toAllocate.allocationRefusal(worker, at);
        if (caseRefusal != null) {
            return refused(caseRefusal);
        }
        if (!worker.team().equals(toAllocate.team())) {
            return refused("Worker " + worker.workerId() + " is in team " + worker.team() + ", the case is in team "
                    + toAllocate.team());
        }
        if (!worker.caseHolding()) {
            return refused("Worker " + worker.workerId() + " does not hold cases");
        }
        boolean atOrOver = caseloads.atOrOverThreshold(activeCases, worker.fte().doubleValue(),
                worker.ownThresholdPerFte());
        if (!atOrOver) {
            return new Verdict(null, false);
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            return refused("Worker " + worker.workerId() + " is at or over the caseload threshold (" + activeCases
                    + " cases at " + worker.fte() + " FTE); give an overrideReason to allocate anyway");
        }
        return new Verdict(null, true);
    }

    private static Verdict refused(String why) {
        return new Verdict(why, false);
    }
}
