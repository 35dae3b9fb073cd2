package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@value EventTypes#STRATEGY_DISCUSSION_HELD}: a multi-agency strategy discussion was held
 * about a case's child; when it initiates a Section 47 enquiry its date anchors the ICPC clock.
 *
 * @param strategyDiscussionId the strategy discussion's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the discussion was held (business time the clocks use)
 * @param section47Initiated whether the discussion initiated a Section 47 enquiry
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StrategyDiscussionHeld(
        String strategyDiscussionId,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        boolean section47Initiated) {
}
