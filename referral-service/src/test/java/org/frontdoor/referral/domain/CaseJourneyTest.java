package org.frontdoor.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.Channel;
import org.frontdoor.events.ClosureReason;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.events.Section47Outcome;
import org.frontdoor.kit.problem.ConflictProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.junit.jupiter.api.Test;

/** The rules of a case's journey, without a database: order, dates, clocks and what each step needs. */
class CaseJourneyTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    /** Monday 4 March 2024, 10:00 London (GMT). */
    private static final Instant REFERRED = Instant.parse("2024-03-04T10:00:00Z");

    private static Case referredCase() {
        Contact contact = Contact.receive(new ContactDetails("C-9", REFERRED.minusSeconds(3600), "6", Channel.PHONE,
                false, "north", null, List.of(), null, null, null), LocalDate.of(2024, 3, 5));
        contact.decide(ContactOutcome.REFERRAL, REFERRED, "duty", "Threshold met");
        return Case.open(contact, REFERRED, LocalDate.of(2024, 3, 4), 0);
    }

    private static Instant day(String date) {
        return Instant.parse(date + "T11:00:00Z");
    }

    @Test
    void aSingleAssessmentIsDue45WorkingDaysAfterTheReferral() {
        Case subject = referredCase();
        Assessment assessment = subject.startAssessment(AssessmentKind.SINGLE, day("2024-03-05"), CALENDAR);
        // 45 WD from Mon 4 March 2024, skipping Good Friday 29 March, Easter Monday 1 April and 6 May.
        assertEquals(LocalDate.of(2024, 5, 9), assessment.dueBy());
        assertEquals("WT2023", assessment.ruleSet());
        subject.completeAssessment(assessment.id(), day("2024-05-09"), AssessmentOutcome.CHILD_IN_NEED_PLAN,
                PrimaryNeed.N1, CALENDAR);
        assertEquals(45, assessment.workingDays());
        assertTrue(assessment.inTimescale());
    }

    @Test
    void anAssessmentCompletedOnThe46thWorkingDayIsLate() {
        Case subject = referredCase();
        Assessment assessment = subject.startAssessment(AssessmentKind.SINGLE, day("2024-03-05"), CALENDAR);
        subject.completeAssessment(assessment.id(), day("2024-05-10"), AssessmentOutcome.NO_FURTHER_ACTION, null,
                CALENDAR);
        assertEquals(46, assessment.workingDays());
        assertFalse(assessment.inTimescale());
    }

    @Test
    void aCoreAssessmentRunsFromItsOwnStartUnderThe2010Rules() {
        Case subject = referredCase();
        Assessment core = subject.startAssessment(AssessmentKind.CORE, day("2024-03-11"), CALENDAR);
        assertEquals("WT2010", core.ruleSet());
        assertEquals(LocalDate.of(2024, 3, 11), core.anchorDate());
        assertEquals(CALENDAR.addWorkingDays(LocalDate.of(2024, 3, 11), 35), core.dueBy());
    }

    @Test
    void anAssessmentCompletesOnceAndNotBeforeItStarted() {
        Case subject = referredCase();
        Assessment assessment = subject.startAssessment(AssessmentKind.SINGLE, day("2024-03-06"), CALENDAR);
        assertThrows(ConflictProblem.class, () -> subject.completeAssessment(assessment.id(), day("2024-03-05"),
                AssessmentOutcome.OTHER, null, CALENDAR));
        subject.completeAssessment(assessment.id(), day("2024-03-07"), AssessmentOutcome.OTHER, null, CALENDAR);
        assertThrows(ConflictProblem.class, () -> subject.completeAssessment(assessment.id(), day("2024-03-08"),
                AssessmentOutcome.OTHER, null, CALENDAR));
        assertThrows(NotFoundProblem.class, () -> subject.completeAssessment(UUID.randomUUID(), day("2024-03-08"),
                AssessmentOutcome.OTHER, null, CALENDAR));
    }

    @Test
    void noStepIsDatedBeforeTheReferral() {
        Case subject = referredCase();
        assertThrows(ConflictProblem.class,
                () -> subject.startAssessment(AssessmentKind.SINGLE, REFERRED.minusSeconds(1), CALENDAR));
        assertThrows(ConflictProblem.class, () -> subject.holdStrategyDiscussion(REFERRED.minusSeconds(1), true));
        assertTrue(subject.noFurtherStepAfterReferral());
    }

    @Test
    void aSection47NeedsAStrategyDiscussionThatInitiatedOne() {
        Case subject = referredCase();
        StrategyDiscussion noEnquiry = subject.holdStrategyDiscussion(day("2024-03-05"), false);
        assertThrows(ConflictProblem.class, () -> subject.startSection47(noEnquiry.id(), day("2024-03-05"), CALENDAR));
        assertThrows(NotFoundProblem.class, () -> subject.startSection47(UUID.randomUUID(), day("2024-03-05"), CALENDAR));
        StrategyDiscussion discussion = subject.holdStrategyDiscussion(day("2024-03-06"), true);
        assertThrows(ConflictProblem.class, () -> subject.startSection47(discussion.id(), day("2024-03-05"), CALENDAR));
        Section47Enquiry enquiry = subject.startSection47(discussion.id(), day("2024-03-06"), CALENDAR);
        // 15 WD after Wed 6 March 2024
        assertEquals(LocalDate.of(2024, 3, 27), enquiry.icpcDueBy());
        assertThrows(ConflictProblem.class, () -> subject.startSection47(discussion.id(), day("2024-03-07"), CALENDAR));
    }

    @Test
    void anInitialConferenceNeedsAnEnquiryThatConcludedIcpcRequired() {
        Case subject = referredCase();
        StrategyDiscussion discussion = subject.holdStrategyDiscussion(day("2024-03-05"), true);
        Section47Enquiry enquiry = subject.startSection47(discussion.id(), day("2024-03-05"), CALENDAR);
        assertThrows(ConflictProblem.class, () -> subject.holdConference(ConferenceKind.INITIAL, day("2024-03-20"),
                false, enquiry.id(), ConferenceOutcome.CP_PLAN, AbuseCategory.NEG, CALENDAR), "still open");
        subject.completeSection47(enquiry.id(), day("2024-03-12"), Section47Outcome.NO_ICPC);
        assertThrows(ConflictProblem.class, () -> subject.holdConference(ConferenceKind.INITIAL, day("2024-03-20"),
                false, enquiry.id(), ConferenceOutcome.CP_PLAN, AbuseCategory.NEG, CALENDAR), "NO_ICPC");
        assertThrows(InvalidFieldProblem.class, () -> subject.holdConference(ConferenceKind.INITIAL,
                day("2024-03-20"), false, null, ConferenceOutcome.NO_PLAN, null, CALENDAR));
    }

    @Test
    void aConferenceWithinFifteenWorkingDaysStartsAPlanAndAReviewEndsIt() {
        Case subject = referredCase();
        StrategyDiscussion discussion = subject.holdStrategyDiscussion(day("2024-03-05"), true);
        Section47Enquiry enquiry = subject.startSection47(discussion.id(), day("2024-03-05"), CALENDAR);
        subject.completeSection47(enquiry.id(), day("2024-03-15"), Section47Outcome.ICPC_REQUIRED);
        assertThrows(InvalidFieldProblem.class, () -> subject.holdConference(ConferenceKind.INITIAL,
                day("2024-03-26"), false, enquiry.id(), ConferenceOutcome.CP_PLAN, null, CALENDAR), "category");
        Case.ConferenceResult held = subject.holdConference(ConferenceKind.INITIAL, day("2024-03-26"), false,
                enquiry.id(), ConferenceOutcome.CP_PLAN, AbuseCategory.EMO, CALENDAR);
        assertEquals(15, held.conference().workingDays());
        assertTrue(held.conference().inTimescale());
        assertNotNull(held.startedPlan());
        assertEquals(LocalDate.of(2024, 3, 26), held.startedPlan().startDate());
        assertThrows(ConflictProblem.class, () -> subject.holdConference(ConferenceKind.INITIAL, day("2024-03-27"),
                true, null, ConferenceOutcome.CP_PLAN, AbuseCategory.NEG, CALENDAR), "already on a plan");

        Case.ConferenceResult review = subject.holdConference(ConferenceKind.REVIEW, day("2024-06-26"), false, null,
                ConferenceOutcome.NO_PLAN, null, CALENDAR);
        assertEquals(held.startedPlan(), review.endedPlan());
        assertFalse(held.startedPlan().isActive());
        assertThrows(ConflictProblem.class, () -> subject.endCpPlan(day("2024-06-27")));
        assertThrows(ConflictProblem.class, () -> subject.holdConference(ConferenceKind.REVIEW, day("2024-06-28"),
                false, null, ConferenceOutcome.CP_PLAN, null, CALENDAR), "no plan to review");
    }

    @Test
    void aLateConferenceIsOutOfTimescaleAndATransferInHasNoClock() {
        Case subject = referredCase();
        StrategyDiscussion discussion = subject.holdStrategyDiscussion(day("2024-03-05"), true);
        Section47Enquiry enquiry = subject.startSection47(discussion.id(), day("2024-03-05"), CALENDAR);
        subject.completeSection47(enquiry.id(), day("2024-03-15"), Section47Outcome.ICPC_REQUIRED);
        Case.ConferenceResult late = subject.holdConference(ConferenceKind.INITIAL, day("2024-03-27"), false,
                enquiry.id(), ConferenceOutcome.NO_PLAN, null, CALENDAR);
        assertEquals(16, late.conference().workingDays());
        assertFalse(late.conference().inTimescale());
        assertNull(late.startedPlan());

        Case other = referredCase();
        Case.ConferenceResult transfer = other.holdConference(ConferenceKind.INITIAL, day("2024-03-06"), true, null,
                ConferenceOutcome.CP_PLAN, AbuseCategory.MUL, CALENDAR);
        assertNull(transfer.conference().inTimescale());
        assertNotNull(transfer.startedPlan());
    }

    @Test
    void closingEndsAnActivePlanAndThenNothingMoreHappens() {
        Case subject = referredCase();
        Case.ConferenceResult transfer = subject.holdConference(ConferenceKind.INITIAL, day("2024-03-06"), true, null,
                ConferenceOutcome.CP_PLAN, AbuseCategory.PHY, CALENDAR);
        assertThrows(ConflictProblem.class, () -> subject.close(day("2024-03-05"), ClosureReason.RC5), "before a step");
        assertEquals(transfer.startedPlan(), subject.close(day("2024-04-02"), ClosureReason.RC5).orElseThrow());
        assertTrue(transfer.startedPlan().endedByClosure());
        assertEquals(CaseStatus.CLOSED, subject.status());
        assertFalse(subject.noFurtherStepAfterReferral());
        assertThrows(ConflictProblem.class, () -> subject.holdStrategyDiscussion(day("2024-04-03"), false));
        assertThrows(ConflictProblem.class, () -> subject.close(day("2024-04-03"), ClosureReason.RC8));
    }

    @Test
    void aCaseClosedWithoutAnyStepIsReferralNfa() {
        Case subject = referredCase();
        assertTrue(subject.close(day("2024-03-05"), ClosureReason.RC8).isEmpty());
        assertTrue(subject.noFurtherStepAfterReferral());
    }
}
