package org.frontdoor.metrics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the snapshot indicators need as at the end of a date, counted by the database: the open cases waiting
 * for a worker by the date they wait since, the open cases held by each worker, and the open assessments past
 * their due date and coming due within 10 working days; with the case-holding workers.
 * {@link IndicatorRules#snapshot} turns them into the indicators with the same arithmetic it uses on the items.
 */
public record SnapshotCounts(SortedMap<LocalDate, Long> waitingSince, Map<String, Long> casesByWorker,
        long assessmentsOverdue, long assessmentsDueSoon, List<Facts.Worker> workers) {

    public SnapshotCounts {
        workers = List.copyOf(workers);
        waitingSince = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(waitingSince));
        casesByWorker = Map.copyOf(casesByWorker);
    }
}
