package org.frontdoor.allocation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<AlertCondition> found = new ArrayList<>();
        for (AlertSnapshot.TeamQueue queue : snapshot.queues()) {
            if (queue.waiting() > threshold) {
                found.add(new AlertCondition(kind(), queue.team(), queue.team(), null, queue.waiting(), threshold,
                        String.format(Locale.ROOT,
                                "Cases waiting for allocation in the team: %d, more than the limit of %d.",
                                queue.waiting(), threshold)));
            }
        }
        return found;
    }
}
