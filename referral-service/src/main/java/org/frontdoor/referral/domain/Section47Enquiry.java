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

import org.frontdoor.events.Section47Outcome;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.kit.problem.ConflictProblem;

/**
 * An enquiry under s47 Children Act 1989, initiated by a strategy discussion; its outcome decides
 * whether an initial child protection conference must follow, due 15 working days after that discussion.
 */
@Entity
@Table(name = "section47_enquiry")
public class Section47Enquiry {

    @Id
    private UUID id;
    @Column(name = "strategy_discussion_id")
    private UUID strategyDiscussionId;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "icpc_due_by")
    private LocalDate icpcDueBy;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Enumerated(EnumType.STRING)
    private Section47Outcome outcome;

    protected Section47Enquiry() {
    }

    Section47Enquiry(UUID strategyDiscussionId, Instant startedAt, LocalDate icpcDueBy) {
        this.id = TimeOrderedIds.next();
        this.strategyDiscussionId = strategyDiscussionId;
        this.startedAt = startedAt;
        this.icpcDueBy = icpcDueBy;
    }

    void complete(Instant at, Section47Outcome result) {
        if (completedAt != null) {
            throw new ConflictProblem("Section 47 enquiry " + id + " was already completed at " + completedAt);
        }
        if (at.isBefore(startedAt)) {
            throw new ConflictProblem("completedAt " + at + " is before the enquiry started at " + startedAt);
        }
        this.completedAt = at;
        this.outcome = result;
    }

    public boolean isOpen() {
        return completedAt == null;
    }

    public UUID id() {
        return id;
    }

    public UUID strategyDiscussionId() {
        return strategyDiscussionId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public LocalDate icpcDueBy() {
        return icpcDueBy;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Section47Outcome outcome() {
        return outcome;
    }
}
