package org.frontdoor.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentCompleted;
import org.frontdoor.events.AssessmentStarted;
import org.frontdoor.events.CaseClosed;
import org.frontdoor.events.CaseOpened;
import org.frontdoor.events.ChildProfile;
import org.frontdoor.events.ConferenceHeld;
import org.frontdoor.events.ContactDecided;
import org.frontdoor.events.ContactReceived;
import org.frontdoor.events.CpPlanEnded;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Section47Completed;
import org.frontdoor.events.Section47Started;
import org.frontdoor.events.StrategyDiscussionHeld;
import org.frontdoor.kit.outbox.Outbox;
import org.frontdoor.referral.domain.Assessment;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.Contact;
import org.frontdoor.referral.domain.CpPlan;
import org.frontdoor.referral.domain.Section47Enquiry;
import org.frontdoor.referral.domain.StrategyDiscussion;

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

    public void assessmentStarted(Case subject, Assessment assessment) {
        append(EventTypes.ASSESSMENT_STARTED, subject, new AssessmentStarted(assessment.id().toString(),
                id(subject), subject.childRef(), subject.team(), assessment.startedAt(), assessment.kind().name(),
                subject.referralDate(), assessment.anchorDate(), assessment.dueBy(), assessment.ruleSet()));
    }

    public void assessmentCompleted(Case subject, Assessment assessment) {
        append(EventTypes.ASSESSMENT_COMPLETED, subject, new AssessmentCompleted(assessment.id().toString(),
                id(subject), subject.childRef(), subject.team(), assessment.completedAt(), assessment.kind().name(),
                assessment.startedAt(), subject.referralDate(), assessment.anchorDate(), assessment.dueBy(),
                assessment.ruleSet(), assessment.outcome().name(),
                assessment.primaryNeed() == null ? null : assessment.primaryNeed().name(), assessment.workingDays(),
                assessment.inTimescale()));
    }

    public void strategyDiscussionHeld(Case subject, StrategyDiscussion discussion) {
        append(EventTypes.STRATEGY_DISCUSSION_HELD, subject, new StrategyDiscussionHeld(discussion.id().toString(),
                id(subject), subject.childRef(), subject.team(), discussion.heldAt(), discussion.section47Initiated()));
    }

    public void section47Started(Case subject, Section47Enquiry enquiry) {
        StrategyDiscussion discussion = subject.strategyDiscussion(enquiry.strategyDiscussionId());
        append(EventTypes.SECTION47_STARTED, subject, new Section47Started(enquiry.id().toString(), id(subject),
                subject.childRef(), subject.team(), enquiry.startedAt(), discussion.id().toString(),
                WorkingCalendar.londonDate(discussion.heldAt()), enquiry.icpcDueBy()));
    }

    public void section47Completed(Case subject, Section47Enquiry enquiry) {
        StrategyDiscussion discussion = subject.strategyDiscussion(enquiry.strategyDiscussionId());
        append(EventTypes.SECTION47_COMPLETED, subject, new Section47Completed(enquiry.id().toString(), id(subject),
                subject.childRef(), subject.team(), enquiry.completedAt(), enquiry.startedAt(),
                discussion.id().toString(), WorkingCalendar.londonDate(discussion.heldAt()), enquiry.outcome().name()));
    }

    /** The conference, then the end of any plan a review ended. */
    public void conferenceHeld(Case subject, Case.ConferenceResult result, int previousPlansOfChild) {
        var conference = result.conference();
        var enquiry = result.section47();
        var plan = result.startedPlan();
        append(EventTypes.CONFERENCE_HELD, subject, new ConferenceHeld(conference.id().toString(), id(subject),
                subject.childRef(), subject.team(), conference.heldAt(), conference.kind().name(),
                conference.transferIn(), enquiry == null ? null : enquiry.id().toString(),
                result.strategyDiscussion() == null ? null
                        : WorkingCalendar.londonDate(result.strategyDiscussion().heldAt()),
                enquiry == null ? null : enquiry.icpcDueBy(), conference.workingDays(), conference.inTimescale(),
                conference.outcome().name(), conference.category() == null ? null : conference.category().name(),
                plan == null ? null : plan.id().toString(), plan == null ? null : previousPlansOfChild > 0,
                plan == null ? null : previousPlansOfChild));
        if (result.endedPlan() != null) {
            cpPlanEnded(subject, result.endedPlan());
        }
    }

    public void cpPlanEnded(Case subject, CpPlan plan) {
        append(EventTypes.CP_PLAN_ENDED, subject, new CpPlanEnded(plan.id().toString(), id(subject),
                subject.childRef(), subject.team(), plan.endedAt(), plan.startDate(), plan.endDate(),
                plan.category().name(), plan.endedByClosure()));
    }

    public void caseClosed(Case subject) {
        append(EventTypes.CASE_CLOSED, subject, new CaseClosed(id(subject), subject.childRef(), subject.team(),
                subject.closedAt(), subject.referralDate(), WorkingCalendar.londonDate(subject.closedAt()),
                subject.closureReason().name(), subject.noFurtherStepAfterReferral()));
    }

    private void append(String type, Case subject, Object payload) {
        outbox.append(type, id(subject), subject.childRef(), payload);
    }

    private static String id(Case subject) {
        return subject.id().toString();
    }
}
