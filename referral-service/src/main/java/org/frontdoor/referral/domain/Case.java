package org.frontdoor.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.frontdoor.clocks.ClockRule;
import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AbuseCategory;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.AssessmentOutcome;
import org.frontdoor.events.ClosureReason;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.PrimaryNeed;
import org.frontdoor.events.Section47Outcome;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.kit.problem.ConflictProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;

/**
 * A child-in-need episode opened by a referral, and the steps that follow it. Its referral date (the
 * London date of the decision that opened it) starts the case's clocks; it enforces the rules of the
 * journey: steps in order, each after the one it follows, nothing on a closed case.
 */
@Entity(name = "SocialCareCase")
@Table(name = "social_care_case")
public class Case {

    @Id
    private UUID id;
    @Column(name = "child_ref")
    private String childRef;
    @Column(name = "contact_id")
    private UUID contactId;
    private String team;
    private String source;
    @Column(name = "referral_date")
    private LocalDate referralDate;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "re_referral")
    private boolean reReferral;
    @Column(name = "referrals_in_previous_12_months")
    private int referralsInPrevious12Months;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    private ClosureReason closureReason;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false)
    private List<Assessment> assessments = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false)
    private List<StrategyDiscussion> strategyDiscussions = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false)
    private List<Section47Enquiry> section47Enquiries = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false)
    private List<Conference> conferences = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false)
    private List<CpPlan> cpPlans = new ArrayList<>();

    protected Case() {
    }

    /**
     * Opens the case a referral decision creates.
     *
     * @param previousReferrals the child's referrals in the 12 months before this one; any makes it a re-referral
     */
    public static Case open(Contact contact, Instant openedAt, LocalDate referralDate, int previousReferrals) {
        Case opened = new Case();
        opened.id = TimeOrderedIds.next();
        opened.childRef = contact.childRef();
        opened.contactId = contact.id();
        opened.team = contact.team();
        opened.source = contact.source();
        opened.referralDate = referralDate;
        opened.openedAt = openedAt;
        opened.status = CaseStatus.OPEN;
        opened.referralsInPrevious12Months = previousReferrals;
        opened.reReferral = previousReferrals > 0;
        return opened;
    }

    /**
     * Starts an assessment. A single assessment runs 45 working days from the referral date (WT2023);
     * initial and core ones follow the 2010 rules (10 from referral, 35 from the core's own start).
     */
    public Assessment startAssessment(AssessmentKind kind, Instant at, WorkingCalendar calendar) {
        requireOpen();
        requireNotBefore("startedAt", at, openedAt, "the referral");
        if (assessments.stream().anyMatch(a -> a.isOpen() && a.kind() == kind)) {
            throw new ConflictProblem("Case " + id + " already has an open " + kind + " assessment");
        }
        ClockRule rule = assessmentRule(kind);
        LocalDate anchor = kind == AssessmentKind.CORE ? WorkingCalendar.londonDate(at) : referralDate;
        Assessment assessment = new Assessment(kind, ruleSetOf(kind).name(), at, anchor,
                rule.dueDate(anchor, calendar));
        assessments.add(assessment);
        return assessment;
    }

    public Assessment completeAssessment(UUID assessmentId, Instant at, AssessmentOutcome outcome, PrimaryNeed need,
            WorkingCalendar calendar) {
        requireOpen();
        Assessment assessment = assessments.stream().filter(a -> a.id().equals(assessmentId)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("Assessment", assessmentId));
        assessment.complete(at, outcome, need, assessmentRule(assessment.kind()), calendar);
        return assessment;
    }

    public StrategyDiscussion holdStrategyDiscussion(Instant at, boolean section47Initiated) {
        requireOpen();
        requireNotBefore("heldAt", at, openedAt, "the referral");
        StrategyDiscussion discussion = new StrategyDiscussion(at, section47Initiated);
        strategyDiscussions.add(discussion);
        return discussion;
    }

    /** Starts a Section 47 enquiry; it needs a strategy discussion of this case that initiated one. */
    public Section47Enquiry startSection47(UUID strategyDiscussionId, Instant at, WorkingCalendar calendar) {
        requireOpen();
        StrategyDiscussion discussion = strategyDiscussion(strategyDiscussionId);
        if (!discussion.section47Initiated()) {
            throw new ConflictProblem("Strategy discussion " + strategyDiscussionId + " did not initiate a Section 47 enquiry");
        }
        if (section47Enquiries.stream().anyMatch(s -> s.strategyDiscussionId().equals(strategyDiscussionId))) {
            throw new ConflictProblem("Strategy discussion " + strategyDiscussionId + " already has a Section 47 enquiry");
        }
        requireNotBefore("startedAt", at, discussion.heldAt(), "the strategy discussion");
        LocalDate discussed = WorkingCalendar.londonDate(discussion.heldAt());
        Section47Enquiry enquiry = new Section47Enquiry(strategyDiscussionId, at,
                RuleSets.WT2023.rule(RuleSets.ICPC.name()).dueDate(discussed, calendar));
        section47Enquiries.add(enquiry);
        return enquiry;
    }

    public Section47Enquiry completeSection47(UUID section47Id, Instant at, Section47Outcome outcome) {
        requireOpen();
        Section47Enquiry enquiry = section47(section47Id);
        enquiry.complete(at, outcome);
        return enquiry;
    }

    /**
     * Holds a conference. An initial conference refers to a completed Section 47 enquiry of this case whose
     * outcome was {@code ICPC_REQUIRED}, unless the child transfers in from another authority; an outcome
     * {@code CP_PLAN} starts a plan (with its category). A review needs an active plan; {@code NO_PLAN}
     * ends it.
     */
    public ConferenceResult holdConference(ConferenceKind kind, Instant at, boolean transferIn, UUID section47Id,
            ConferenceOutcome outcome, AbuseCategory category, WorkingCalendar calendar) {
        requireOpen();
        requireNotBefore("heldAt", at, openedAt, "the referral");
        Optional<CpPlan> active = activeCpPlan();
        if (kind == ConferenceKind.REVIEW) {
            CpPlan plan = active.orElseThrow(() -> new ConflictProblem(
                    "A review conference needs an active child protection plan; case " + id + " has none"));
            requireNotBefore("heldAt", at, plan.startedAt(), "the plan started");
            Conference review = new Conference(kind, at, false, null, outcome, category, null, null);
            conferences.add(review);
            if (outcome == ConferenceOutcome.NO_PLAN) {
                plan.end(at, false);
                return new ConferenceResult(review, null, plan, null, null);
            }
            return new ConferenceResult(review, null, null, null, null);
        }
        if (active.isPresent()) {
            throw new ConflictProblem("Case " + id + " already has an active child protection plan; hold a REVIEW");
        }
        if (outcome == ConferenceOutcome.CP_PLAN && category == null) {
            throw new InvalidFieldProblem("category", "is required when an initial conference's outcome is CP_PLAN");
        }
        Integer workingDays = null;
        Boolean inTimescale = null;
        Section47Enquiry enquiry = null;
        if (!transferIn) {
            if (section47Id == null) {
                throw new InvalidFieldProblem("section47EnquiryId", "is required for an initial conference that is not a transfer-in");
            }
            enquiry = section47(section47Id);
            if (enquiry.outcome() != Section47Outcome.ICPC_REQUIRED) {
                throw new ConflictProblem("Section 47 enquiry " + section47Id + " did not conclude ICPC_REQUIRED"
                        + (enquiry.isOpen() ? " (it is still open)" : ""));
            }
            if (conferences.stream().anyMatch(c -> section47Id.equals(c.section47Id()))) {
                throw new ConflictProblem("Section 47 enquiry " + section47Id + " already had its initial conference");
            }
            requireNotBefore("heldAt", at, enquiry.completedAt(), "the Section 47 enquiry concluded");
            LocalDate discussed = WorkingCalendar.londonDate(strategyDiscussion(enquiry.strategyDiscussionId()).heldAt());
            ClockRule icpc = RuleSets.WT2023.rule(RuleSets.ICPC.name());
            workingDays = calendar.workingDaysBetween(discussed, WorkingCalendar.londonDate(at));
            inTimescale = icpc.isWithin(discussed, WorkingCalendar.londonDate(at), calendar);
        } else if (section47Id != null) {
            throw new InvalidFieldProblem("section47EnquiryId", "must be left out for a transfer-in conference");
        }
        Conference initial = new Conference(kind, at, transferIn, section47Id, outcome,
                outcome == ConferenceOutcome.CP_PLAN ? category : null, workingDays, inTimescale);
        conferences.add(initial);
        CpPlan started = null;
        if (outcome == ConferenceOutcome.CP_PLAN) {
            started = new CpPlan(childRef, initial.id(), category, at);
            cpPlans.add(started);
        }
        return new ConferenceResult(initial, started, null, enquiry, enquiry == null ? null
                : strategyDiscussion(enquiry.strategyDiscussionId()));
    }

    /** What a conference changed: the plan it started or ended, and the enquiry it followed. */
    public record ConferenceResult(Conference conference, CpPlan startedPlan, CpPlan endedPlan,
            Section47Enquiry section47, StrategyDiscussion strategyDiscussion) {
    }

    public CpPlan endCpPlan(Instant at) {
        requireOpen();
        CpPlan plan = activeCpPlan().orElseThrow(
                () -> new ConflictProblem("Case " + id + " has no active child protection plan to end"));
        plan.end(at, false);
        return plan;
    }

    /** Closes the case; an active plan ends with it. Returns the plan it ended, if any. */
    public Optional<CpPlan> close(Instant at, ClosureReason reason) {
        requireOpen();
        requireNotBefore("closedAt", at, lastStepAt(), "the case's last step");
        Optional<CpPlan> active = activeCpPlan();
        active.ifPresent(plan -> plan.end(at, true));
        this.status = CaseStatus.CLOSED;
        this.closedAt = at;
        this.closureReason = reason;
        return active;
    }

    /** No assessment, strategy discussion, Section 47, conference or plan after the referral (REFERRAL_NFA). */
    public boolean noFurtherStepAfterReferral() {
        return assessments.isEmpty() && strategyDiscussions.isEmpty() && section47Enquiries.isEmpty()
                && conferences.isEmpty() && cpPlans.isEmpty();
    }

    public Optional<CpPlan> activeCpPlan() {
        return cpPlans.stream().filter(CpPlan::isActive).findFirst();
    }

    public StrategyDiscussion strategyDiscussion(UUID strategyDiscussionId) {
        return strategyDiscussions.stream().filter(d -> d.id().equals(strategyDiscussionId)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("Strategy discussion", strategyDiscussionId));
    }

    public Section47Enquiry section47(UUID section47Id) {
        return section47Enquiries.stream().filter(s -> s.id().equals(section47Id)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("Section 47 enquiry", section47Id));
    }

    /** The latest time recorded on the case, so closure cannot predate it. */
    Instant lastStepAt() {
        List<Instant> times = new ArrayList<>();
        times.add(openedAt);
        assessments.forEach(a -> {
            times.add(a.startedAt());
            if (a.completedAt() != null) {
                times.add(a.completedAt());
            }
        });
        strategyDiscussions.forEach(d -> times.add(d.heldAt()));
        section47Enquiries.forEach(s -> {
            times.add(s.startedAt());
            if (s.completedAt() != null) {
                times.add(s.completedAt());
            }
        });
        conferences.forEach(c -> times.add(c.heldAt()));
        cpPlans.forEach(p -> {
            if (p.endedAt() != null) {
                times.add(p.endedAt());
            }
        });
        return times.stream().max(Comparator.naturalOrder()).orElse(openedAt);
    }

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new ConflictProblem("Case " + id + " is closed; nothing more can be recorded on it");
        }
    }

    private static void requireNotBefore(String field, Instant at, Instant earliest, String what) {
        if (at.isBefore(earliest)) {
            throw new ConflictProblem(field + " " + at + " is before " + what + " at " + earliest);
        }
    }

    private static RuleSet ruleSetOf(AssessmentKind kind) {
        return kind == AssessmentKind.SINGLE ? RuleSets.WT2023 : RuleSets.WT2010;
    }

    private static ClockRule assessmentRule(AssessmentKind kind) {
        return switch (kind) {
            case SINGLE -> RuleSets.ASSESSMENT;
            case INITIAL -> RuleSets.INITIAL_ASSESSMENT;
            case CORE -> RuleSets.CORE_ASSESSMENT;
        };
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public List<StrategyDiscussion> strategyDiscussions() {
        return List.copyOf(strategyDiscussions);
    }

    public List<Section47Enquiry> section47Enquiries() {
        return List.copyOf(section47Enquiries);
    }

    public List<Conference> conferences() {
        return List.copyOf(conferences);
    }

    public List<CpPlan> cpPlans() {
        return List.copyOf(cpPlans);
    }

    public ClosureReason closureReason() {
        return closureReason;
    }

    public UUID id() {
        return id;
    }

    public String childRef() {
        return childRef;
    }

    public UUID contactId() {
        return contactId;
    }

    public String team() {
        return team;
    }

    public String source() {
        return source;
    }

    public LocalDate referralDate() {
        return referralDate;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public CaseStatus status() {
        return status;
    }

    public boolean reReferral() {
        return reReferral;
    }

    public int referralsInPrevious12Months() {
        return referralsInPrevious12Months;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
