package org.frontdoor.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.kit.problem.ConflictProblem;

/**
 * An enquiry about one child received by the front door, and the manager's decision on it. It guards
 * the rules of a decision itself: decided once, never before it was received.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;
    @Column(name = "child_ref")
    private String childRef;
    @Column(name = "received_at")
    private Instant receivedAt;
    private String source;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "out_of_hours")
    private boolean outOfHours;
    private String team;
    @Column(name = "contact_group")
    private String contactGroup;
    private String concerns;
    @Column(name = "child_birth_month")
    private String childBirthMonth;
    @Column(name = "child_gender")
    private String childGender;
    @Column(name = "child_ethnicity")
    private String childEthnicity;
    @Column(name = "decision_due_by")
    private LocalDate decisionDueBy;
    @Enumerated(EnumType.STRING)
    private ContactStatus status;
    @Enumerated(EnumType.STRING)
    private ContactOutcome outcome;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    private String rationale;
    @Column(name = "case_id")
    private UUID caseId;
    @Version
    private long version;

    protected Contact() {
    }

    /** A newly received contact, awaiting a decision by {@code decisionDueBy}. */
    public static Contact receive(ContactDetails details, LocalDate decisionDueBy) {
        Contact contact = new Contact();
        contact.id = TimeOrderedIds.next();
        contact.childRef = details.childRef();
        contact.receivedAt = details.receivedAt();
        contact.source = details.source();
        contact.channel = details.channel();
        contact.outOfHours = details.outOfHours();
        contact.team = details.team();
        contact.contactGroup = details.contactGroup();
        contact.concerns = details.concerns() == null || details.concerns().isEmpty() ? null
                : String.join(",", details.concerns());
        contact.childBirthMonth = details.birthMonth();
        contact.childGender = details.gender();
        contact.childEthnicity = details.ethnicity();
        contact.decisionDueBy = decisionDueBy;
        contact.status = ContactStatus.AWAITING_DECISION;
        return contact;
    }

    /**
     * Records the manager's decision.
     *
     * @throws ConflictProblem when the contact is already decided or the decision predates the contact
     */
    public void decide(ContactOutcome decision, Instant at, String by, String why) {
        if (status == ContactStatus.DECIDED) {
            throw new ConflictProblem("Contact " + id + " has already been decided (" + outcome + ")");
        }
        if (at.isBefore(receivedAt)) {
            throw new ConflictProblem("decidedAt " + at + " is before the contact was received at " + receivedAt);
        }
        this.outcome = decision;
        this.decidedAt = at;
        this.decidedBy = by;
        this.rationale = why;
        this.status = ContactStatus.DECIDED;
    }

    /** Links the case this contact's referral opened. */
    public void openedCase(UUID openedCaseId) {
        this.caseId = openedCaseId;
    }

    public boolean rationaleRecorded() {
        return rationale != null && !rationale.isBlank();
    }

    public UUID id() {
        return id;
    }

    public String childRef() {
        return childRef;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public String source() {
        return source;
    }

    public Channel channel() {
        return channel;
    }

    public boolean outOfHours() {
        return outOfHours;
    }

    public String team() {
        return team;
    }

    public String contactGroup() {
        return contactGroup;
    }

    public List<String> concerns() {
        return concerns == null ? List.of() : Arrays.asList(concerns.split(","));
    }

    public String childBirthMonth() {
        return childBirthMonth;
    }

    public String childGender() {
        return childGender;
    }

    public String childEthnicity() {
        return childEthnicity;
    }

    public LocalDate decisionDueBy() {
        return decisionDueBy;
    }

    public ContactStatus status() {
        return status;
    }

    public ContactOutcome outcome() {
        return outcome;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String rationale() {
        return rationale;
    }

    public UUID caseId() {
        return caseId;
    }
}
