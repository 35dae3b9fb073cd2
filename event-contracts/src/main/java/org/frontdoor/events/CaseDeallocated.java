package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@value EventTypes#CASE_DEALLOCATED}: a case left the worker who held it, which takes it
 * out of that worker's caseload. An open case returns to the queue, waiting from
 * {@code waitingSince}; a case that closed ({@link #CASE_CLOSED}) does not, and then
 * {@code waitingSince} is null.
 *
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param workerId the worker who held the case until now
 * @param team the team that owns the case
 * @param occurredAt when the case was deallocated (business time the clocks use)
 * @param deallocatedBy who deallocated it (user id, or the service that applied a closure)
 * @param reason why, as a short code matching {@code ^[A-Z][A-Z_]{0,39}$} such as
 *     {@code MANAGER_REQUEST}, {@code WORKER_LEFT} or {@link #CASE_CLOSED}; never free text
 * @param waitingSince when the open case's wait in the queue counts from again, or null exactly
 *     when {@code reason} is {@link #CASE_CLOSED}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseDeallocated(
        String caseId,
        String childRef,
        String workerId,
        String team,
        Instant occurredAt,
        String deallocatedBy,
        String reason,
        Instant waitingSince) {

    /** The {@code reason} of a deallocation because the case closed: the one that leaves no wait. */
    public static final String CASE_CLOSED = "CASE_CLOSED";
}
