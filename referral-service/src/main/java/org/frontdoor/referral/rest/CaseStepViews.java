package org.frontdoor.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.events.Section47Outcome;
import org.frontdoor.referral.domain.Assessment;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.CpPlan;
import org.frontdoor.referral.domain.Section47Enquiry;
import org.frontdoor.referral.domain.StrategyDiscussion;

/** What the case-step commands answer: the step with its id and, where it has a clock, its due date. */
public final class CaseStepViews {

    private CaseStepViews() {
    }

    /** An assessment and its clock. */
    public record AssessmentView(UUID id, UUID caseId, AssessmentKind kind, String ruleSet, Instant startedAt,
            LocalDate dueBy, Instant completedAt, AssessmentOutcome outcome, PrimaryNeed primaryNeed,
            Integer workingDays, Boolean inTimescale) {

        static AssessmentView of(UUID caseId, Assessment a) {
            return new AssessmentView(a.id(), caseId, a.kind(), a.ruleSet(), a.startedAt(), a.dueBy(), a.completedAt(),
                    a.outcome(), a.primaryNeed(), a.workingDays(), a.inTimescale());
        }
    }

    /** A strategy discussion. */
    public record StrategyDiscussionView(UUID id, UUID caseId, Instant heldAt, boolean section47Initiated) {

        static StrategyDiscussionView of(UUID caseId, StrategyDiscussion d) {
            return new StrategyDiscussionView(d.id(), caseId, d.heldAt(), d.section47Initiated());
        }
    }

    /** A Section 47 enquiry and the date its initial conference is due by. */
    public record Section47View(UUID id, UUID caseId, UUID strategyDiscussionId, Instant startedAt, LocalDate icpcDueBy,
            Instant completedAt, Section47Outcome outcome) {

        static Section47View of(UUID caseId, Section47Enquiry s) {
            return new Section47View(s.id(), caseId, s.strategyDiscussionId(), s.startedAt(), s.icpcDueBy(),
                    s.completedAt(), s.outcome());
        }
    }

    /** A conference, with the plan it started if any. */
    public record ConferenceView(UUID id, UUID caseId, ConferenceKind kind, Instant heldAt, boolean transferIn,
            UUID section47EnquiryId, ConferenceOutcome outcome, AbuseCategory category, Integer workingDays,
            Boolean inTimescale, UUID cpPlanId) {

        static ConferenceView of(UUID caseId, Case.ConferenceResult result) {
            var c = result.conference();
            return new ConferenceView(c.id(), caseId, c.kind(), c.heldAt(), c.transferIn(), c.section47Id(),
                    c.outcome(), c.category(), c.workingDays(), c.inTimescale(),
                    result.startedPlan() == null ? null : result.startedPlan().id());
        }
    }

    /** A child protection plan. */
    public record CpPlanView(UUID id, UUID caseId, AbuseCategory category, LocalDate startDate, LocalDate endDate,
            boolean endedByClosure) {

        static CpPlanView of(UUID caseId, CpPlan p) {
            return new CpPlanView(p.id(), caseId, p.category(), p.startDate(), p.endDate(), p.endedByClosure());
        }
    }
}
