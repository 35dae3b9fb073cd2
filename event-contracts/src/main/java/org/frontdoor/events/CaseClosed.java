package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#CASE_CLOSED}: a case closed, which takes it off the queue and out of
 * its worker's caseload, and counts it for REFERRAL_NFA in the period the closure falls in.
 *
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the case closed (business time the clocks use)
 * @param referralDate the case's referral date
 * @param closedDate the local date the case closed
 * @param reason one of {@link ClosureReason}
 * @param noFurtherStepAfterReferral whether the case had no assessment, strategy discussion,
 *     Section 47 enquiry, conference or plan after its referral
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseClosed(
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        LocalDate referralDate,
        LocalDate closedDate,
        String reason,
        boolean noFurtherStepAfterReferral) {
}
