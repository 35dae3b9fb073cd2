package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#CP_PLAN_ENDED}: a child protection plan ended, on the date recorded for
 * its end or on the case's closure, counted for CP_PLANS_2_YEARS in the period the end falls in.
 *
 * @param cpPlanId the plan's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the plan ended (business time the clocks use)
 * @param startDate the local date the plan started (its initial conference)
 * @param endDate the local date the plan ended
 * @param category one of {@link AbuseCategory}
 * @param endedByClosure whether the plan ended because the case closed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CpPlanEnded(
        String cpPlanId,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        LocalDate startDate,
        LocalDate endDate,
        String category,
        boolean endedByClosure) {
}
