package org.frontdoor.referral.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.ClosureReason;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.events.Section47Outcome;

/** The bodies of the case-step commands (API.md); a time left out means now. */
public final class CaseStepRequests {

    private CaseStepRequests() {
    }

    /** {@code POST /cases/{id}/assessments}; kind defaults to SINGLE. */
    public record StartAssessment(Instant startedAt, AssessmentKind kind) {
    }

    /** {@code POST /cases/{id}/assessments/{aid}/completion}. */
    public record CompleteAssessment(Instant completedAt, @NotNull AssessmentOutcome outcome, PrimaryNeed primaryNeed) {
    }

    /** {@code POST /cases/{id}/strategy-discussions}. */
    public record HoldStrategyDiscussion(Instant heldAt, @NotNull Boolean section47Initiated) {
    }

    /** {@code POST /cases/{id}/section47-enquiries}. */
    public record StartSection47(Instant startedAt, @NotNull UUID strategyDiscussionId) {
    }

    /** {@code POST /cases/{id}/section47-enquiries/{sid}/completion}. */
    public record CompleteSection47(Instant completedAt, @NotNull Section47Outcome outcome) {
    }

    /** {@code POST /cases/{id}/conferences}; transferIn defaults to false. */
    public record HoldConference(Instant heldAt, @NotNull ConferenceKind kind, UUID section47EnquiryId,
            Boolean transferIn, @NotNull ConferenceOutcome outcome, AbuseCategory category) {
    }

    /** {@code POST /cases/{id}/cp-plan/end}. */
    public record EndCpPlan(Instant endedAt) {
    }

    /** {@code POST /cases/{id}/closure}. */
    public record CloseCase(Instant closedAt, @NotNull ClosureReason reason) {
    }
}
