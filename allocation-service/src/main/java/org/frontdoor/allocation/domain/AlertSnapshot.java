package org.frontdoor.allocation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the alert rules look at, read at one moment, so that the rules are plain functions of it.
 *
 * @param today     the London date the waits are counted to
 * @param waiting   open cases nobody holds
 * @param workers   every worker with the number of open cases they hold
 * @param undecided contacts awaiting a decision
 */
public record AlertSnapshot(LocalDate today, List<WaitingCase> waiting, List<WorkerCaseload> workers,
        List<UndecidedContact> undecided) {

    public AlertSnapshot {
        waiting = List.copyOf(waiting);
        workers = List.copyOf(workers);
        undecided = List.copyOf(undecided);
    }

    /** An unallocated open case and the London date it has waited since. */
    public record WaitingCase(UUID caseId, String childRef, String team, LocalDate waitingSince) {
    }

    /** A worker's hours, own threshold (null for the default) and open cases held. */
    public record WorkerCaseload(String workerId, String team, boolean caseHolding, double fte,
            Double ownThresholdPerFte, int activeCases) {
    }

    /** A contact received and not yet decided, and the London date its decision is due by. */
    public record UndecidedContact(UUID contactId, String childRef, String team, LocalDate decisionDueBy) {
    }
}
