package org.frontdoor.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.referral.domain.Contact;
import org.frontdoor.referral.domain.ContactStatus;

/** A contact as the API shows it, with its decision once made and the case a referral opened. */
public record ContactView(UUID id, String childRef, Instant receivedAt, String source, Channel channel,
        boolean outOfHours, String team, String contactGroup, List<String> concerns, NewContactRequest.ChildRequest child,
        ContactStatus status, LocalDate decisionDueBy, Decision decision, UUID caseId) {

    /** The manager's decision. */
    public record Decision(ContactOutcome outcome, Instant decidedAt, String decidedBy, String rationale,
            boolean rationaleRecorded) {
    }

    static ContactView of(Contact contact) {
        NewContactRequest.ChildRequest child = contact.childBirthMonth() == null && contact.childGender() == null
                && contact.childEthnicity() == null ? null
                        : new NewContactRequest.ChildRequest(contact.childBirthMonth(), contact.childGender(),
                                contact.childEthnicity());
        Decision decision = contact.outcome() == null ? null
                : new Decision(contact.outcome(), contact.decidedAt(), contact.decidedBy(), contact.rationale(),
                        contact.rationaleRecorded());
        return new ContactView(contact.id(), contact.childRef(), contact.receivedAt(), contact.source(),
                contact.channel(), contact.outOfHours(), contact.team(), contact.contactGroup(), contact.concerns(),
                child, contact.status(), contact.decisionDueBy(), decision, contact.caseId());
    }
}
