package org.frontdoor.allocation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.frontdoor.events.AlertKind;

/** A team whose unallocated cases are more than the local limit (DOMAIN.md §4, default 20): demand outruns staff. */
public final class QueueAboveThreshold implements AlertRule {

    private final int threshold;

    public QueueAboveThreshold(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("the threshold must not be negative");
        }
        this.threshold = threshold;
    }

    @Override
    public AlertKind kind() {
        return AlertKind.QUEUE_ABOVE_THRESHOLD;
    }

    @Override
    public List<AlertCondition> conditions(AlertSnapshot snapshot) {
        Map<String, Integer> waitingByTeam = new TreeMap<>();
        snapshot.waiting().forEach(c -> waitingByTeam.merge(c.team(), 1, Integer::sum));
        List<AlertCondition> found = new ArrayList<>();
        waitingByTeam.forEach((team, count) -> {
            if (count > threshold) {
                found.add(new AlertCondition(kind(), team, team, null, count, threshold, String.format(Locale.ROOT,
                        "Cases waiting for allocation in the team: %d, more than the limit of %d.", count,
                        threshold)));
            }
        });
        return found;
    }
}
