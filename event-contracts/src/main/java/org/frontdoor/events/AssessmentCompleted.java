package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#ASSESSMENT_COMPLETED}: an assessment was completed, which stops its
 * clock and counts it for ASSESSMENT_TIMELINESS in the period the completion falls in. It repeats
 * what the start said so that a consumer can count it from this event alone.
 *
 * @param assessmentId the assessment's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the assessment was completed (business time the clocks use)
 * @param kind one of {@link AssessmentKind}
 * @param startedAt when the assessment started
 * @param referralDate the case's referral date
 * @param anchorDate the date the clock counts from: the referral date for SINGLE and INITIAL, the
 *     assessment's start date for CORE
 * @param dueBy the local date the assessment was due by under {@code ruleSet}
 * @param ruleSet the rule set whose clock applies, {@code WT2023} or {@code WT2010}
 * @param outcome one of {@link AssessmentOutcome}
 * @param primaryNeed one of {@link PrimaryNeed}, or null when none was recorded
 * @param workingDays working days from {@code anchorDate} to the completion date
 * @param inTimescale whether it was completed within the limit of its clock
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssessmentCompleted(
        String assessmentId,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        String kind,
        Instant startedAt,
        LocalDate referralDate,
        LocalDate anchorDate,
        LocalDate dueBy,
        String ruleSet,
        String outcome,
        String primaryNeed,
        int workingDays,
        boolean inTimescale) {
}
