package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Data of {@value EventTypes#ALERT_RAISED}: the allocation service raised an alert, which stays
 * active until a {@value EventTypes#ALERT_RESOLVED} with the same {@code alertId}. Its
 * {@code ce_subject} is the {@code subjectId}; its record key is the {@code childRef} when it has
 * one, else the {@code subjectId}.
 *
 * @param alertId the alert's id (UUID)
 * @param kind one of {@link AlertKind}
 * @param team the team the alert is for
 * @param subjectType one of {@link AlertSubject}, always {@link AlertKind#subject()} of {@code kind}
 * @param subjectId the id of the subject: a case or contact id (UUID), a worker's external id, or
 *     the team
 * @param childRef pseudonymous child reference; set for a {@link AlertSubject#CASE} or
 *     {@link AlertSubject#CONTACT} alert, else null
 * @param occurredAt when the alert was raised (business time)
 * @param detail a system-generated sentence of at most 500 characters, with ids and numbers only,
 *     never a name or case notes
 * @param value the measured number, such as working days waiting, cases in the queue or cases held,
 *     or null
 * @param threshold the limit {@code value} went over, in the same unit, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertRaised(
        String alertId,
        String kind,
        String team,
        String subjectType,
        String subjectId,
        String childRef,
        Instant occurredAt,
        String detail,
        Integer value,
        Integer threshold) {
}
