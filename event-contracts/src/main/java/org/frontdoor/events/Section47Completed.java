package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#SECTION47_COMPLETED}: a Section 47 enquiry was completed, counted for
 * S47_TO_ICPC in the period the completion falls in.
 *
 * @param section47Id the enquiry's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the enquiry was completed (business time the clocks use)
 * @param startedAt when the enquiry started
 * @param strategyDiscussionId the strategy discussion that initiated it (UUID)
 * @param strategyDiscussionDate the local date of that strategy discussion
 * @param outcome one of {@link Section47Outcome}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Section47Completed(
        String section47Id,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        Instant startedAt,
        String strategyDiscussionId,
        LocalDate strategyDiscussionDate,
        String outcome) {
}
