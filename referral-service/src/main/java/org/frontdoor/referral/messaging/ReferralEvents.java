package org.frontdoor.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CaseOpened;
import org.frontdoor.events.ChildProfile;
import org.frontdoor.events.ContactDecided;
import org.frontdoor.events.ContactReceived;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.outbox.Outbox;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.Contact;

/**
 * Maps the referral service's state changes to their contract events and puts them in the outbox, in
 * the caller's transaction. The rationale never leaves: events carry only whether one was recorded.
 */
@ApplicationScoped
public class ReferralEvents {

    private final Outbox outbox;
    private final WorkingCalendar calendar;

    public ReferralEvents(Outbox outbox, WorkingCalendar calendar) {
        this.outbox = outbox;
        this.calendar = calendar;
    }

    public void contactReceived(Contact contact) {
        ChildProfile child = contact.childBirthMonth() == null && contact.childGender() == null
                && contact.childEthnicity() == null ? null
                        : new ChildProfile(contact.childBirthMonth(), contact.childGender(), contact.childEthnicity());
        outbox.append(EventTypes.CONTACT_RECEIVED, contact.id().toString(), contact.childRef(),
                new ContactReceived(contact.id().toString(), contact.childRef(), contact.receivedAt(), contact.source(),
                        contact.channel().name(), contact.outOfHours(), contact.team(), contact.contactGroup(),
                        contact.decisionDueBy(), contact.concerns().isEmpty() ? null : contact.concerns(), child));
    }

    public void contactDecided(Contact contact) {
        outbox.append(EventTypes.CONTACT_DECIDED, contact.id().toString(), contact.childRef(),
                new ContactDecided(contact.id().toString(), contact.childRef(), contact.decidedAt(),
                        contact.receivedAt(), contact.team(), contact.source(), contact.outcome().name(),
                        contact.decidedBy(), contact.rationaleRecorded(), contact.decisionDueBy(),
                        calendar.workingDaysBetween(contact.receivedAt(), contact.decidedAt()),
                        contact.caseId() == null ? null : contact.caseId().toString()));
    }

    public void caseOpened(Case opened) {
        outbox.append(EventTypes.CASE_OPENED, opened.id().toString(), opened.childRef(),
                new CaseOpened(opened.id().toString(), opened.childRef(), opened.contactId().toString(),
                        opened.openedAt(), opened.referralDate(), opened.team(), opened.source(), opened.reReferral(),
                        opened.referralsInPrevious12Months()));
    }
}
