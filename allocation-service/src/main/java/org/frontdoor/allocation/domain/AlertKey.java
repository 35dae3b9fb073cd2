package org.frontdoor.allocation.domain;

import java.util.Objects;

import org.frontdoor.events.AlertKind;

/**
 * The identity of an alert condition, kind and subject: there is at most one active alert per key, which is
 * what makes evaluating the rules again harmless.
 */
public record AlertKey(AlertKind kind, String subjectId) {

    public AlertKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
