package org.frontdoor.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * A case given to a case-holding worker, as the allocation facts need it for allocation timeliness.
 *
 * @param previousWorkerId who held the case before, or null for its first allocation
 */
public record Allocation(UUID caseId, String workerId, String team, Instant allocatedAt, boolean thresholdOverridden,
        String previousWorkerId) {

    public Allocation {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(allocatedAt, "allocatedAt");
    }

    public LocalDate allocatedDate() {
        return WorkingCalendar.londonDate(allocatedAt);
    }
}
