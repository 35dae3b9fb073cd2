package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@value EventTypes#CASE_ALLOCATED}: a case was given to a case-holding worker, which
 * takes it off the queue and adds it to that worker's caseload.
 *
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param workerId the worker who now holds the case
 * @param team the team that owns the case
 * @param occurredAt when the case was allocated (business time the clocks use)
 * @param allocatedBy who allocated it (user id)
 * @param thresholdOverridden whether the worker was at or over threshold and a manager overrode it
 * @param previousWorkerId the worker who held it before, or null for a first allocation
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseAllocated(
        String caseId,
        String childRef,
        String workerId,
        String team,
        Instant occurredAt,
        String allocatedBy,
        boolean thresholdOverridden,
        String previousWorkerId) {
}
