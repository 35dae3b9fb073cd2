package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#CONTACT_DECIDED}: a manager decided a contact, which stops its clock;
 * the rationale itself stays in the referral service and only {@code rationaleRecorded} travels.
 *
 * @param contactId the contact's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param occurredAt when the decision was made (business time the clocks use)
 * @param receivedAt when the contact was received
 * @param team the front-door team that owns the contact
 * @param source census source code of the contact
 * @param outcome one of {@link ContactOutcome}
 * @param decidedBy who decided (user id)
 * @param rationaleRecorded whether a rationale was written down
 * @param decisionDueBy the local date the decision was due by
 * @param workingDaysToDecision working days from receipt to decision
 * @param caseId the case opened by this decision (UUID); set when the outcome is REFERRAL, else null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactDecided(
        String contactId,
        String childRef,
        Instant occurredAt,
        Instant receivedAt,
        String team,
        String source,
        String outcome,
        String decidedBy,
        boolean rationaleRecorded,
        LocalDate decisionDueBy,
        int workingDaysToDecision,
        String caseId) {
}
