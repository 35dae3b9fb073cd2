package org.frontdoor.allocation.rest;

import java.time.Instant;
import java.util.UUID;

import org.frontdoor.allocation.domain.Alert;
import org.frontdoor.events.AlertKind;
import org.frontdoor.events.AlertSubject;

/**
 * An alert as API.md lists it ({@code id, kind, team, subject, raisedAt, resolvedAt?, detail}), with the subject's
 * type, the child for a case alert, and the value and threshold behind it.
 */
public record AlertView(UUID id, AlertKind kind, String team, AlertSubject subjectType, String subject,
        String childRef, Instant raisedAt, Instant resolvedAt, String detail, Integer value, Integer threshold) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id(), alert.kind(), alert.team(), alert.subjectType(), alert.subjectId(),
                alert.childRef(), alert.raisedAt(), alert.resolvedAt(), alert.detail(), alert.value(),
                alert.threshold());
    }
}
