package org.frontdoor.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything the alert rules look at, read at one moment, so that the rules are plain functions of it.
 *
 * @param today     the London date the waits are counted to
 * @param queues    each team's queue in numbers, every team with a case waiting (in team order)
 * @param waiting   open cases nobody holds: the whole queue, or only the cases that may be over a waiting limit —
 *                  the service reads those waiting since {@link WaitingPolicy#lastDayWaitingMoreThan} or earlier,
 *                  and counts the rest in {@code queues}
 * @param workers   every worker with the number of open cases they hold
 * @param undecided contacts awaiting a decision (the service reads only those past their due date)
 */
public record AlertSnapshot(LocalDate today, List<TeamQueue> queues, List<WaitingCase> waiting,
        List<WorkerCaseload> workers, List<UndecidedContact> undecided) {

    public AlertSnapshot {
        queues = queues.stream().sorted(Comparator.comparing(TeamQueue::team)).toList();
        waiting = List.copyOf(waiting);
        workers = List.copyOf(workers);
        undecided = List.copyOf(undecided);
    }

    /** A snapshot of the whole queue, {@code waiting}, whose teams' queues are counted from it. */
    public AlertSnapshot(LocalDate today, List<WaitingCase> waiting, List<WorkerCaseload> workers,
            List<UndecidedContact> undecided) {
        this(today, TeamQueue.of(waiting), waiting, workers, undecided);
    }

    /** A team's unallocated cases: how many, and the London date the longest waiting one has waited since. */
    public record TeamQueue(String team, int waiting, LocalDate longestWaitingSince) {

        /** The queues of the teams of these cases, the whole queue of each. */
        public static List<TeamQueue> of(List<WaitingCase> cases) {
            Map<String, TeamQueue> byTeam = new TreeMap<>();
            for (WaitingCase waitingCase : cases) {
                byTeam.merge(waitingCase.team(), new TeamQueue(waitingCase.team(), 1, waitingCase.waitingSince()),
                        (a, b) -> new TeamQueue(a.team(), a.waiting() + b.waiting(),
                                a.longestWaitingSince().isBefore(b.longestWaitingSince()) ? a.longestWaitingSince()
                                        : b.longestWaitingSince()));
            }
            return new ArrayList<>(byTeam.values());
        }
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
