package org.frontdoor.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.ClosureReason;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.events.Section47Outcome;
import org.frontdoor.kit.audit.AuditTrail;
import org.frontdoor.kit.clock.Clocks;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.frontdoor.referral.domain.Assessment;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.CaseStatus;
import org.frontdoor.referral.domain.CpPlan;
import org.frontdoor.referral.domain.Section47Enquiry;
import org.frontdoor.referral.domain.StrategyDiscussion;
import org.frontdoor.referral.messaging.ReferralEvents;
import org.frontdoor.referral.repository.CaseRepository;
import org.frontdoor.referral.repository.CpPlanRepository;

/**
 * The steps of a case after its referral. Each locks the case, lets the case check the rules of the
 * journey, and writes the step with its event in one transaction.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final CpPlanRepository cpPlans;
    private final ReferralEvents events;
    private final WorkingCalendar calendar;
    private final Clocks clocks;
    private final Clock clock;
    private final AuditTrail audit;

    public CaseService(CaseRepository cases, CpPlanRepository cpPlans, ReferralEvents events,
            WorkingCalendar calendar, Clocks clocks, Clock clock, AuditTrail audit) {
        this.cases = cases;
        this.cpPlans = cpPlans;
        this.events = events;
        this.calendar = calendar;
        this.clocks = clocks;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Case get(UUID caseId) {
        Case found = cases.findById(caseId);
        if (found == null) {
            throw new NotFoundProblem("Case", caseId);
        }
        audit.record("case.read", "case", caseId.toString(), caseId.toString());
        // Read the steps inside the transaction: the view shows the whole timeline.
        found.assessments();
        found.strategyDiscussions();
        found.section47Enquiries();
        found.conferences();
        found.cpPlans();
        return found;
    }

    @Transactional
    public List<Case> search(CaseStatus status, String team, String childRef, int page, int size) {
        return cases.search(status, team, childRef, page, size);
    }

    @Transactional
    public long count(CaseStatus status, String team, String childRef) {
        return cases.count(status, team, childRef);
    }

    @Transactional
    public Assessment startAssessment(UUID caseId, AssessmentKind kind, Instant startedAt) {
        Case subject = lock(caseId);
        Assessment assessment = subject.startAssessment(kind == null ? AssessmentKind.SINGLE : kind,
                clocks.requestTime("startedAt", startedAt, clock.instant()), calendar);
        events.assessmentStarted(subject, assessment);
        audit.record("assessment.started", "assessment", assessment.id().toString(), caseId.toString());
        return assessment;
    }

    @Transactional
    public Assessment completeAssessment(UUID caseId, UUID assessmentId, Instant completedAt, AssessmentOutcome outcome,
            PrimaryNeed need) {
        Case subject = lock(caseId);
        Assessment assessment = subject.completeAssessment(assessmentId,
                clocks.requestTime("completedAt", completedAt, clock.instant()), outcome, need, calendar);
        events.assessmentCompleted(subject, assessment);
        audit.record("assessment.completed", "assessment", assessment.id().toString(), caseId.toString());
        return assessment;
    }

    @Transactional
    public StrategyDiscussion holdStrategyDiscussion(UUID caseId, Instant heldAt, boolean section47Initiated) {
        Case subject = lock(caseId);
        StrategyDiscussion discussion = subject.holdStrategyDiscussion(
                clocks.requestTime("heldAt", heldAt, clock.instant()), section47Initiated);
        events.strategyDiscussionHeld(subject, discussion);
        audit.record("strategy-discussion.held", "strategy-discussion", discussion.id().toString(), caseId.toString());
        return discussion;
    }

    @Transactional
    public Section47Enquiry startSection47(UUID caseId, UUID strategyDiscussionId, Instant startedAt) {
        Case subject = lock(caseId);
        Section47Enquiry enquiry = subject.startSection47(strategyDiscussionId,
                clocks.requestTime("startedAt", startedAt, clock.instant()), calendar);
        events.section47Started(subject, enquiry);
        audit.record("section47.started", "section47", enquiry.id().toString(), caseId.toString());
        return enquiry;
    }

    @Transactional
    public Section47Enquiry completeSection47(UUID caseId, UUID section47Id, Instant completedAt,
            Section47Outcome outcome) {
        Case subject = lock(caseId);
        Section47Enquiry enquiry = subject.completeSection47(section47Id,
                clocks.requestTime("completedAt", completedAt, clock.instant()), outcome);
        events.section47Completed(subject, enquiry);
        audit.record("section47.completed", "section47", enquiry.id().toString(), caseId.toString());
        return enquiry;
    }

    @Transactional
    public Case.ConferenceResult holdConference(UUID caseId, ConferenceKind kind, Instant heldAt, boolean transferIn,
            UUID section47Id, ConferenceOutcome outcome, AbuseCategory category) {
        Case subject = lock(caseId);
        int previousPlans = cpPlans.countForChild(subject.childRef());
        Case.ConferenceResult result = subject.holdConference(kind,
                clocks.requestTime("heldAt", heldAt, clock.instant()), transferIn, section47Id, outcome, category,
                calendar);
        events.conferenceHeld(subject, result, previousPlans);
        audit.record("conference.held", "conference", result.conference().id().toString(), caseId.toString());
        return result;
    }

    @Transactional
    public CpPlan endCpPlan(UUID caseId, Instant endedAt) {
        Case subject = lock(caseId);
        CpPlan plan = subject.endCpPlan(clocks.requestTime("endedAt", endedAt, clock.instant()));
        events.cpPlanEnded(subject, plan);
        audit.record("cp-plan.ended", "cp-plan", plan.id().toString(), caseId.toString());
        return plan;
    }

    @Transactional
    public Case close(UUID caseId, Instant closedAt, ClosureReason reason) {
        Case subject = lock(caseId);
        subject.close(clocks.requestTime("closedAt", closedAt, clock.instant()), reason)
                .ifPresent(plan -> events.cpPlanEnded(subject, plan));
        events.caseClosed(subject);
        audit.record("case.closed", "case", caseId.toString(), caseId.toString());
        return subject;
    }

    private Case lock(UUID caseId) {
        return cases.findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundProblem("Case", caseId));
    }
}
