package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#ASSESSMENT_STARTED}: an assessment of a case's child began, which opens
 * the assessment clock and puts it among the open assessments watched for ASSESSMENTS_OVERDUE.
 *
 * @param assessmentId the assessment's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the assessment started (business time the clocks use)
 * @param kind one of {@link AssessmentKind}
 * @param referralDate the case's referral date
 * @param anchorDate the date the clock counts from: the referral date for SINGLE and INITIAL, the
 *     assessment's start date for CORE
 * @param dueBy the local date the assessment is due by under {@code ruleSet}
 * @param ruleSet the rule set whose clock applies, {@code WT2023} or {@code WT2010}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssessmentStarted(
        String assessmentId,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        String kind,
        LocalDate referralDate,
        LocalDate anchorDate,
        LocalDate dueBy,
        String ruleSet) {
}
