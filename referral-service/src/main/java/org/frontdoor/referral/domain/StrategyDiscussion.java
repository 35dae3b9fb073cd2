package org.frontdoor.referral.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.frontdoor.kit.persistence.TimeOrderedIds;

/** A multi-agency strategy discussion; when it initiates a Section 47 enquiry it starts the ICPC clock. */
@Entity
@Table(name = "strategy_discussion")
public class StrategyDiscussion {

    @Id
    private UUID id;
    @Column(name = "held_at")
    private Instant heldAt;
    @Column(name = "section47_initiated")
    private boolean section47Initiated;

    protected StrategyDiscussion() {
    }

    StrategyDiscussion(Instant heldAt, boolean section47Initiated) {
        this.id = TimeOrderedIds.next();
        this.heldAt = heldAt;
        this.section47Initiated = section47Initiated;
    }

    public UUID id() {
        return id;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public boolean section47Initiated() {
        return section47Initiated;
    }
}
