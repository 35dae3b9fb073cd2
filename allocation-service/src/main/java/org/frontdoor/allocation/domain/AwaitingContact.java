package org.frontdoor.allocation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A contact as allocation sees it, for the decision-overdue alert only: when it is due and whether it has been
 * decided. Written by upserts from referral-service's contact events (which may arrive in either order), so it is
 * read here and never changed through the entity.
 */
@Entity
@Table(name = "awaiting_contact")
public class AwaitingContact {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "child_ref")
    private String childRef;
    private String team;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "decision_due_by")
    private LocalDate decisionDueBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected AwaitingContact() {
    }

    public UUID contactId() {
        return contactId;
    }

    public String childRef() {
        return childRef;
    }

    public String team() {
        return team;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate decisionDueBy() {
        return decisionDueBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
