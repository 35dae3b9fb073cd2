package org.frontdoor.allocation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A team's pressure at a glance, the numbers behind the queue and caseload gauges: cases waiting, the oldest wait
 * in working days, and case-holding workers at or over their threshold.
 */
public record TeamLoad(String team, int unallocated, int oldestWaitWorkingDays, int workersOverThreshold) {

    /** One reading per team that has a worker or a waiting case, in team order. */
    public static List<TeamLoad> of(AlertSnapshot snapshot, WaitingPolicy waiting, CaseloadPolicy caseloads) {
        Map<String, int[]> byTeam = new TreeMap<>();
        for (AlertSnapshot.TeamQueue queue : snapshot.queues()) {
            int[] reading = byTeam.computeIfAbsent(queue.team(), t -> new int[3]);
            reading[0] = queue.waiting();
            reading[1] = waiting.workingDaysWaiting(queue.longestWaitingSince(), snapshot.today());
        }
        for (AlertSnapshot.WorkerCaseload worker : snapshot.workers()) {
            int[] reading = byTeam.computeIfAbsent(worker.team(), t -> new int[3]);
            if (worker.caseHolding()
                    && caseloads.atOrOverThreshold(worker.activeCases(), worker.fte(), worker.ownThresholdPerFte())) {
                reading[2]++;
            }
        }
        List<TeamLoad> loads = new ArrayList<>();
        byTeam.forEach((team, reading) -> loads.add(new TeamLoad(team, reading[0], reading[1], reading[2])));
        return loads;
    }
}
