package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.Section47Outcome;

/**
 * The fact rows of the front door as plain values, with the London dates, working days and flags worked
 * out from them in one place: the consumer stores exactly these derived values, and {@link IndicatorRules}
 * counts them, so the indicators can be checked by hand without a database.
 */
public record Facts(List<Contact> contacts, List<Case> cases, List<Allocation> allocations,
        List<Deallocation> deallocations, List<Worker> workers, List<Assessment> assessments,
        List<Section47> enquiries, List<Conference> conferences, List<CpPlan> plans) {

    /** No facts at all. */
    public static final Facts NONE = new Facts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    public Facts {
        contacts = List.copyOf(contacts);
        cases = List.copyOf(cases);
        allocations = List.copyOf(allocations);
        deallocations = List.copyOf(deallocations);
        workers = List.copyOf(workers);
        assessments = List.copyOf(assessments);
        enquiries = List.copyOf(enquiries);
        conferences = List.copyOf(conferences);
        plans = List.copyOf(plans);
    }

    /** A contact; {@code decidedAt} and {@code outcome} are null while it awaits a decision. */
    public record Contact(UUID id, String childRef, String team, String source, Instant receivedAt,
            Instant decidedAt, ContactOutcome outcome, boolean rationaleRecorded) {

        public LocalDate receivedDate() {
            return WorkingCalendar.londonDate(receivedAt);
        }

        public LocalDate decidedDate() {
            return decidedAt == null ? null : WorkingCalendar.londonDate(decidedAt);
        }

        /** Working days from receipt to decision (DOMAIN.md §4), or null while undecided. */
        public Integer decisionWorkingDays(WorkingCalendar calendar) {
            return decidedAt == null ? null : calendar.workingDaysBetween(receivedDate(), decidedDate());
        }

        public LocalDate decisionDue(WorkingCalendar calendar) {
            return RuleSets.CONTACT_DECISION.dueDate(receivedDate(), calendar);
        }
    }

    /**
     * A case opened by a referral; {@code closedDate} is null while open.
     *
     * @param reReferralReported what case.opened said about a previous referral within 12 months
     * @param noFurtherStep      from the closure: no step after the referral
     */
    public record Case(UUID id, String childRef, String team, String source, Instant openedAt,
            LocalDate referralDate, boolean reReferralReported, LocalDate closedDate, Boolean noFurtherStep) {
    }

    public record Allocation(UUID caseId, String workerId, String team, Instant allocatedAt) {

        public LocalDate allocatedDate() {
            return WorkingCalendar.londonDate(allocatedAt);
        }
    }

    /** @param waitingSince since when the open case waits again, or null when it closed */
    public record Deallocation(UUID caseId, String workerId, Instant deallocatedAt, Instant waitingSince) {

        public LocalDate deallocatedDate() {
            return WorkingCalendar.londonDate(deallocatedAt);
        }
    }

    /** @param caseloadThreshold the worker's own threshold per FTE, or null for the local default */
    public record Worker(String workerId, String team, BigDecimal fte, boolean caseHolding,
            BigDecimal caseloadThreshold) {
    }

    /** An assessment; {@code completedAt} is null while open. */
    public record Assessment(UUID id, UUID caseId, String childRef, String team, AssessmentKind kind,
            LocalDate referralDate, Instant startedAt, Instant completedAt) {

        public Assessment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(referralDate, "referralDate");
            Objects.requireNonNull(startedAt, "startedAt");
        }

        public LocalDate startedDate() {
            return WorkingCalendar.londonDate(startedAt);
        }

        public LocalDate completedDate() {
            return completedAt == null ? null : WorkingCalendar.londonDate(completedAt);
        }

        public LocalDate anchor(RuleSet ruleSet) {
            return AssessmentClock.anchor(ruleSet, kind, referralDate, startedDate());
        }

        public LocalDate due(RuleSet ruleSet, WorkingCalendar calendar) {
            return AssessmentClock.due(ruleSet, kind, referralDate, startedDate(), calendar);
        }

        /** Working days from the rule set's anchor to completion, or null while open. */
        public Integer workingDays(RuleSet ruleSet, WorkingCalendar calendar) {
            return completedAt == null ? null : calendar.workingDaysBetween(anchor(ruleSet), completedDate());
        }

        public boolean inTimescale(RuleSet ruleSet, WorkingCalendar calendar) {
            Integer days = workingDays(ruleSet, calendar);
            return days != null && days <= AssessmentClock.limit(ruleSet, kind);
        }
    }

    /**
     * A Section 47 enquiry, anchored on the strategy discussion that initiated it.
     *
     * @param startedAt   null until section47.started is seen
     * @param completedAt null while open
     */
    public record Section47(UUID id, UUID caseId, String childRef, String team, LocalDate strategyDiscussionDate,
            Instant startedAt, Instant completedAt, Section47Outcome outcome) {

        public LocalDate startedDate() {
            return startedAt == null ? null : WorkingCalendar.londonDate(startedAt);
        }

        public LocalDate completedDate() {
            return completedAt == null ? null : WorkingCalendar.londonDate(completedAt);
        }

        /** When the initial conference is due: 15 WD after the strategy discussion, or null when that is unknown. */
        public LocalDate icpcDue(WorkingCalendar calendar) {
            return strategyDiscussionDate == null ? null
                    : RuleSets.ICPC.dueDate(strategyDiscussionDate, calendar);
        }
    }

    /** A child protection conference; the ICPC clock applies to an initial one that is not a transfer-in. */
    public record Conference(UUID id, UUID caseId, String childRef, String team, Instant heldAt, ConferenceKind kind,
            boolean transferIn, UUID section47Id, LocalDate strategyDiscussionDate, ConferenceOutcome outcome) {

        public LocalDate heldDate() {
            return WorkingCalendar.londonDate(heldAt);
        }

        /** Whether ICPC_TIMELINESS and ICPC_TO_PLAN count it. */
        public boolean isIcpc() {
            return kind == ConferenceKind.INITIAL && !transferIn;
        }

        /** Working days from the initiating strategy discussion, or null when that is unknown. */
        public Integer workingDays(WorkingCalendar calendar) {
            return strategyDiscussionDate == null ? null
                    : calendar.workingDaysBetween(strategyDiscussionDate, heldDate());
        }

        /** Within the ICPC clock; an ICPC whose strategy discussion is unknown cannot be shown to be. */
        public boolean inTimescale(WorkingCalendar calendar) {
            Integer days = workingDays(calendar);
            return days != null && days <= RuleSets.ICPC.limit();
        }
    }

    /**
     * A child protection plan; {@code endDate} is null while it lasts.
     *
     * @param repeatReported what the conference said about an earlier plan (it may know plans from before
     *                       these facts)
     */
    public record CpPlan(UUID id, UUID caseId, String childRef, String team, LocalDate startDate, LocalDate endDate,
            boolean repeatReported) {

        /** DOMAIN.md §5 CP_PLANS_2_YEARS: end date on or after the start date plus 2 years. */
        public boolean lastedTwoYears() {
            return endDate != null && !endDate.isBefore(startDate.plusYears(2));
        }
    }

    /**
     * How many referrals of the same child came before {@code current} (an earlier referral date, or the
     * same date and opened earlier) within the 12 months before it.
     */
    public static int previousReferrals(Case current, Collection<Case> cases) {
        int previous = 0;
        for (Case other : cases) {
            if (other.openedAt() != null && current.childRef().equals(other.childRef())
                    && !other.id().equals(current.id()) && before(other, current)
                    && withinTwelveMonths(other.referralDate(), current.referralDate())) {
                previous++;
            }
        }
        return previous;
    }

    private static boolean before(Case a, Case b) {
        int byDate = a.referralDate().compareTo(b.referralDate());
        return byDate < 0 || byDate == 0 && a.openedAt().isBefore(b.openedAt());
    }

    /** Whether the child had a CP plan that started before this one. */
    public static boolean earlierPlan(CpPlan plan, Collection<CpPlan> plans) {
        return plans.stream().anyMatch(p -> p.childRef().equals(plan.childRef()) && !p.id().equals(plan.id())
                && p.startDate().isBefore(plan.startDate()));
    }

    /** DOMAIN.md §4 "within 12 months": {@code previous ≥ current.minusMonths(12)}, on local dates. */
    public static boolean withinTwelveMonths(LocalDate previous, LocalDate current) {
        return !previous.isBefore(current.minusMonths(12)) && !previous.isAfter(current);
    }
}
