package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Data of {@value EventTypes#WORKER_UPDATED}: a worker was added or changed, with what caseload
 * measures need (team, FTE, whether they hold cases, their threshold). The worker's display name
 * stays in the allocation service (DOMAIN.md §7). The event is about no child: its
 * {@code ce_subject} and record key are the {@code workerId}.
 *
 * @param workerId the worker's external id
 * @param team the team the worker belongs to
 * @param occurredAt when the worker was added or changed (business time)
 * @param fte full-time equivalent, from 0.05 to 1.5
 * @param caseHolding whether the worker holds cases and so counts for CASELOAD
 * @param caseloadThreshold the worker's own caseload threshold in cases per FTE, or null for the
 *     local default
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerUpdated(
        String workerId,
        String team,
        Instant occurredAt,
        BigDecimal fte,
        boolean caseHolding,
        BigDecimal caseloadThreshold) {
}
