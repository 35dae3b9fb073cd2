package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#CASE_OPENED}: a referral opened a case, whose referral date starts
 * the case's statutory clocks and puts it in the allocation queue.
 *
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param contactId the contact whose decision opened the case (UUID)
 * @param occurredAt when the case was opened (business time the clocks use)
 * @param referralDate the local date of the contact decision that opened the case
 * @param team the team that owns the case
 * @param source census source code of the referral
 * @param reReferral whether the child had a previous referral within the 12 months before
 * @param referralsInPrevious12Months how many referrals the child had in those 12 months
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseOpened(
        String caseId,
        String childRef,
        String contactId,
        Instant occurredAt,
        LocalDate referralDate,
        String team,
        String source,
        boolean reReferral,
        int referralsInPrevious12Months) {
}
