package org.frontdoor.allocation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.frontdoor.events.AlertKind;
import org.frontdoor.events.AlertSubject;

/**
 * An alert raised for a condition and kept until the condition clears: the row duty managers see in
 * {@code GET /alerts}, and what lets a restarted service know what it has already raised.
 */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private AlertKind kind;
    private String team;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    private AlertSubject subjectType;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "child_ref")
    private String childRef;
    @Column(name = "raised_at")
    private Instant raisedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    private String detail;
    private Integer value;
    private Integer threshold;

    protected Alert() {
    }

    /** A new active alert for the condition. */
    public static Alert raise(AlertCondition condition, Instant at) {
        Alert raised = new Alert();
        raised.id = UUID.randomUUID();
        raised.kind = condition.kind();
        raised.team = condition.team();
        raised.subjectType = condition.subjectType();
        raised.subjectId = condition.subjectId();
        raised.childRef = condition.childRef();
        raised.raisedAt = at;
        raised.detail = condition.detail();
        raised.value = condition.value();
        raised.threshold = condition.threshold();
        return raised;
    }

    /** The condition cleared; an instance whose clock lags the raiser's still never resolves before the raise. */
    public void resolve(Instant at) {
        if (resolvedAt != null) {
            throw new IllegalStateException("Alert " + id + " is already resolved");
        }
        this.resolvedAt = at.isBefore(raisedAt) ? raisedAt : at;
    }

    public AlertKey key() {
        return new AlertKey(kind, subjectId);
    }

    public AlertState state() {
        return resolvedAt == null ? AlertState.ACTIVE : AlertState.RESOLVED;
    }

    public UUID id() {
        return id;
    }

    public AlertKind kind() {
        return kind;
    }

    public String team() {
        return team;
    }

    public AlertSubject subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String childRef() {
        return childRef;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String detail() {
        return detail;
    }

    public Integer value() {
        return value;
    }

    public Integer threshold() {
        return threshold;
    }
}
