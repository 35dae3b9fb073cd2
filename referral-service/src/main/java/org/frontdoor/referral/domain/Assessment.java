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

import org.frontdoor.clocks.ClockRule;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.kit.problem.ConflictProblem;

/**
 * A child and family assessment of a case, with the clock it runs against: due within 45 working days
 * of the referral (single), or 10 (initial) and 35 from its own start (core) under the 2010 rules.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private AssessmentKind kind;
    @Column(name = "rule_set")
    private String ruleSet;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "anchor_date")
    private LocalDate anchorDate;
    @Column(name = "due_by")
    private LocalDate dueBy;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Enumerated(EnumType.STRING)
    private AssessmentOutcome outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "primary_need")
    private PrimaryNeed primaryNeed;
    @Column(name = "working_days")
    private Integer workingDays;
    @Column(name = "in_timescale")
    private Boolean inTimescale;

    protected Assessment() {
    }

    Assessment(AssessmentKind kind, String ruleSet, Instant startedAt, LocalDate anchorDate, LocalDate dueBy) {
        this.id = TimeOrderedIds.next();
        this.kind = kind;
        this.ruleSet = ruleSet;
        this.startedAt = startedAt;
        this.anchorDate = anchorDate;
        this.dueBy = dueBy;
    }

    void complete(Instant at, AssessmentOutcome result, PrimaryNeed need, ClockRule rule, WorkingCalendar calendar) {
        if (completedAt != null) {
            throw new ConflictProblem("Assessment " + id + " was already completed at " + completedAt);
        }
        if (at.isBefore(startedAt)) {
            throw new ConflictProblem("completedAt " + at + " is before the assessment started at " + startedAt);
        }
        LocalDate done = WorkingCalendar.londonDate(at);
        this.completedAt = at;
        this.outcome = result;
        this.primaryNeed = need;
        this.workingDays = calendar.workingDaysBetween(anchorDate, done);
        this.inTimescale = rule.isWithin(anchorDate, done, calendar);
    }

    public boolean isOpen() {
        return completedAt == null;
    }

    public UUID id() {
        return id;
    }

    public AssessmentKind kind() {
        return kind;
    }

    public String ruleSet() {
        return ruleSet;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public LocalDate anchorDate() {
        return anchorDate;
    }

    public LocalDate dueBy() {
        return dueBy;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public AssessmentOutcome outcome() {
        return outcome;
    }

    public PrimaryNeed primaryNeed() {
        return primaryNeed;
    }

    public Integer workingDays() {
        return workingDays;
    }

    public Boolean inTimescale() {
        return inTimescale;
    }
}
