package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@value EventTypes#ALERT_RESOLVED}: an active alert was resolved, because what raised it
 * no longer holds (the case was allocated or closed, the queue or caseload fell back, the contact
 * was decided). It repeats what the raise said so that a consumer can act on it alone; its
 * {@code ce_subject} and record key are those of the raise.
 *
 * @param alertId the id of the alert raised (UUID)
 * @param kind one of {@link AlertKind}
 * @param team the team the alert is for
 * @param subjectType one of {@link AlertSubject}, always {@link AlertKind#subject()} of {@code kind}
 * @param subjectId the id of the subject: a case or contact id (UUID), a worker's external id, or
 *     the team
 * @param childRef pseudonymous child reference; set for a {@link AlertSubject#CASE} or
 *     {@link AlertSubject#CONTACT} alert, else null
 * @param occurredAt when the alert was resolved (business time)
 * @param raisedAt when the alert was raised
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertResolved(
        String alertId,
        String kind,
        String team,
        String subjectType,
        String subjectId,
        String childRef,
        Instant occurredAt,
        Instant raisedAt) {
}
