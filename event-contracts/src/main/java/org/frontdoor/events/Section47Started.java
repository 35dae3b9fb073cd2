package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#SECTION47_STARTED}: a Section 47 enquiry began, which opens the ICPC
 * clock counted from the strategy discussion that initiated it.
 *
 * @param section47Id the enquiry's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the enquiry started (business time the clocks use)
 * @param strategyDiscussionId the strategy discussion that initiated it (UUID)
 * @param strategyDiscussionDate the local date of that strategy discussion, the ICPC clock's anchor
 * @param icpcDueBy the local date an initial conference is due by
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Section47Started(
        String section47Id,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        String strategyDiscussionId,
        LocalDate strategyDiscussionDate,
        LocalDate icpcDueBy) {
}
