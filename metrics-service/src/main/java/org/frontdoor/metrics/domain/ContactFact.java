package org.frontdoor.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.hibernate.annotations.Immutable;

/**
 * One contact as the indicators see it: its receipt and decision with their London dates and working days.
 * Read-only here, because only the consumer's upserts may write it, whatever order its events arrive in.
 */
@Entity
@Immutable
@Table(name = "contact_fact")
public class ContactFact {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(name = "child_ref")
    private String childRef;
    private String team;
    private String source;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "out_of_hours")
    private Boolean outOfHours;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "received_date")
    private LocalDate receivedDate;
    @Column(name = "decision_due_by")
    private LocalDate decisionDueBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_date")
    private LocalDate decidedDate;
    @Enumerated(EnumType.STRING)
    private ContactOutcome outcome;
    @Column(name = "rationale_recorded")
    private Boolean rationaleRecorded;
    @Column(name = "decision_working_days")
    private Integer decisionWorkingDays;

    protected ContactFact() {
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

    public String source() {
        return source;
    }

    /** Null until the contact's receipt event has been seen. */
    public Channel channel() {
        return channel;
    }

    /** Null until the contact's receipt event has been seen. */
    public Boolean outOfHours() {
        return outOfHours;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public LocalDate receivedDate() {
        return receivedDate;
    }

    public LocalDate decisionDueBy() {
        return decisionDueBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public LocalDate decidedDate() {
        return decidedDate;
    }

    public ContactOutcome outcome() {
        return outcome;
    }

    public Boolean rationaleRecorded() {
        return rationaleRecorded;
    }

    public Integer decisionWorkingDays() {
        return decisionWorkingDays;
    }
}
