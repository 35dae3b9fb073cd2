package org.frontdoor.allocation.domain;

import java.util.Objects;

import org.frontdoor.events.AlertKind;
import org.frontdoor.events.AlertSubject;

/**
 * A condition that should have an active alert, as a rule sees it now: what it is about, the measured value
 * against its limit, and a system-generated sentence that carries numbers and dates only, never personal data.
 *
 * @param subjectId the case id, the worker's id or the team, depending on the kind's subject
 * @param childRef  the child's pseudonymous reference for an alert about a child, otherwise null
 * @param value     the measured number: working days waiting, cases in the queue, cases held
 * @param threshold the limit {@code value} went over, in the same unit
 */
public record AlertCondition(AlertKind kind, String subjectId, String team, String childRef, int value,
        int threshold, String detail) {

    public AlertCondition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(detail, "detail");
        if (kind.subject().aboutAChild() != (childRef != null)) {
            throw new IllegalArgumentException(kind + " alerts carry a childRef exactly when they are about a child");
        }
    }

    public AlertKey key() {
        return new AlertKey(kind, subjectId);
    }

    public AlertSubject subjectType() {
        return kind.subject();
    }

    /** A count with its unit for a detail sentence: "1 case", "6 working days". */
    static String quantity(int count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
