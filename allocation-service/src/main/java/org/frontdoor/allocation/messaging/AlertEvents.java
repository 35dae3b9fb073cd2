package org.frontdoor.allocation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.Alert;
import org.frontdoor.events.AlertRaised;
import org.frontdoor.events.AlertResolved;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.outbox.Outbox;

/**
 * Maps raised and resolved alerts to contract events in the caller's transaction (the outbox), so an event leaves
 * exactly when the alert row changed. Keyed by the child for a case alert, otherwise by the subject, so each
 * subject's raise and resolve stay in order.
 */
@ApplicationScoped
public class AlertEvents {

    private final Outbox outbox;

    public AlertEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void raised(Alert alert) {
        outbox.append(EventTypes.ALERT_RAISED, alert.subjectId(), key(alert),
                new AlertRaised(alert.id().toString(), alert.kind().name(), alert.team(), alert.subjectType().name(),
                        alert.subjectId(), alert.childRef(), alert.raisedAt(), alert.detail(), alert.value(),
                        alert.threshold()));
    }

    public void resolved(Alert alert) {
        outbox.append(EventTypes.ALERT_RESOLVED, alert.subjectId(), key(alert),
                new AlertResolved(alert.id().toString(), alert.kind().name(), alert.team(),
                        alert.subjectType().name(), alert.subjectId(), alert.childRef(), alert.resolvedAt(),
                        alert.raisedAt()));
    }

    private static String key(Alert alert) {
        return alert.childRef() != null ? alert.childRef() : alert.subjectId();
    }
}
