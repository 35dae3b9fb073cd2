package org.frontdoor.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AbuseCategory;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.kit.problem.ConflictProblem;

/**
 * A child protection plan, started by an initial conference whose outcome is a plan and ended on the
 * date recorded for its end or the case's closure (DOMAIN.md §2).
 */
@Entity
@Table(name = "cp_plan")
public class CpPlan {

    @Id
    private UUID id;
    @Column(name = "child_ref")
    private String childRef;
    @Column(name = "conference_id")
    private UUID conferenceId;
    @Enumerated(EnumType.STRING)
    private AbuseCategory category;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "start_date")
    private LocalDate startDate;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "ended_by_closure")
    private boolean endedByClosure;

    protected CpPlan() {
    }

    CpPlan(String childRef, UUID conferenceId, AbuseCategory category, Instant startedAt) {
        this.id = TimeOrderedIds.next();
        this.childRef = childRef;
        this.conferenceId = conferenceId;
        this.category = category;
        this.startedAt = startedAt;
        this.startDate = WorkingCalendar.londonDate(startedAt);
    }

    void end(Instant at, boolean byClosure) {
        if (endedAt != null) {
            throw new ConflictProblem("The child protection plan " + id + " already ended on " + endDate);
        }
        if (at.isBefore(startedAt)) {
            throw new ConflictProblem("endedAt " + at + " is before the plan started at " + startedAt);
        }
        this.endedAt = at;
        this.endDate = WorkingCalendar.londonDate(at);
        this.endedByClosure = byClosure;
    }

    public boolean isActive() {
        return endedAt == null;
    }

    public UUID id() {
        return id;
    }

    public String childRef() {
        return childRef;
    }

    public UUID conferenceId() {
        return conferenceId;
    }

    public AbuseCategory category() {
        return category;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public boolean endedByClosure() {
        return endedByClosure;
    }
}
