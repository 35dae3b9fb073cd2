package org.frontdoor.referral.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.kit.persistence.TimeOrderedIds;

/**
 * A child protection conference: an initial one (after a Section 47 enquiry, or a transfer-in from
 * another authority) that may start a plan, or a review of a plan that continues or ends it.
 */
@Entity
@Table(name = "conference")
public class Conference {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ConferenceKind kind;
    @Column(name = "held_at")
    private Instant heldAt;
    @Column(name = "transfer_in")
    private boolean transferIn;
    @Column(name = "section47_id")
    private UUID section47Id;
    @Enumerated(EnumType.STRING)
    private ConferenceOutcome outcome;
    @Enumerated(EnumType.STRING)
    private AbuseCategory category;
    @Column(name = "working_days")
    private Integer workingDays;
    @Column(name = "in_timescale")
    private Boolean inTimescale;

    protected Conference() {
    }

    Conference(ConferenceKind kind, Instant heldAt, boolean transferIn, UUID section47Id, ConferenceOutcome outcome,
            AbuseCategory category, Integer workingDays, Boolean inTimescale) {
        this.id = TimeOrderedIds.next();
        this.kind = kind;
        this.heldAt = heldAt;
        this.transferIn = transferIn;
        this.section47Id = section47Id;
        this.outcome = outcome;
        this.category = category;
        this.workingDays = workingDays;
        this.inTimescale = inTimescale;
    }

    public UUID id() {
        return id;
    }

    public ConferenceKind kind() {
        return kind;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public boolean transferIn() {
        return transferIn;
    }

    public UUID section47Id() {
        return section47Id;
    }

    public ConferenceOutcome outcome() {
        return outcome;
    }

    public AbuseCategory category() {
        return category;
    }

    public Integer workingDays() {
        return workingDays;
    }

    public Boolean inTimescale() {
        return inTimescale;
    }
}
