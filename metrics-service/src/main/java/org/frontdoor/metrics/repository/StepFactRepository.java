package org.frontdoor.metrics.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.metrics.domain.Facts;

/**
 * Writes the facts of a case's steps (assessments, strategy discussions, S47 enquiries, conferences, CP
 * plans) with upserts that converge whatever order their events arrive in, joining a step to what it
 * depends on once the batch holding the later of the two is written. Each method writes a batch of steps,
 * all different, with one statement per kind of change.
 */
@ApplicationScoped
public class StepFactRepository {

    private static final String ASSESSMENT_COLUMNS = """
                assessment_id uuid, case_id uuid, child_ref text, team text, kind text, referral_date date,
                started_at timestamptz, started_date date, completed_at timestamptz, completed_date date, outcome text,
                primary_need text, anchor_wt2023 date, due_wt2023 date, working_days_wt2023 int, anchor_wt2010 date,
                due_wt2010 date, working_days_wt2010 int
                """;
    private static final String ASSESSMENT_START = """
                ON CONFLICT (assessment_id) DO UPDATE SET
                    case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref, team = EXCLUDED.team,
                    kind = EXCLUDED.kind, referral_date = EXCLUDED.referral_date, started_at = EXCLUDED.started_at,
                    started_date = EXCLUDED.started_date, anchor_wt2023 = EXCLUDED.anchor_wt2023,
                    due_wt2023 = EXCLUDED.due_wt2023, anchor_wt2010 = EXCLUDED.anchor_wt2010,
                    due_wt2010 = EXCLUDED.due_wt2010
                """;
    private static final String ASSESSMENTS_STARTED = Unnest.insert("assessment_fact", ASSESSMENT_COLUMNS,
            ASSESSMENT_START);
    private static final String ASSESSMENTS_COMPLETED = Unnest.insert("assessment_fact", ASSESSMENT_COLUMNS,
            ASSESSMENT_START + """
                    , completed_at = EXCLUDED.completed_at, completed_date = EXCLUDED.completed_date,
                    outcome = EXCLUDED.outcome, primary_need = EXCLUDED.primary_need,
                    working_days_wt2023 = EXCLUDED.working_days_wt2023,
                    working_days_wt2010 = EXCLUDED.working_days_wt2010
                    """);

    private static final String STRATEGY_DISCUSSIONS = Unnest.insert("strategy_discussion_fact", """
                strategy_discussion_id uuid, case_id uuid, child_ref text, team text, held_at timestamptz,
                held_date date, section47_initiated boolean
                """, """
                ON CONFLICT (strategy_discussion_id) DO UPDATE SET case_id = EXCLUDED.case_id,
                    child_ref = EXCLUDED.child_ref, team = EXCLUDED.team, held_at = EXCLUDED.held_at,
                    held_date = EXCLUDED.held_date, section47_initiated = EXCLUDED.section47_initiated
                """);

    private static final String ENQUIRY_COLUMNS = """
                section47_id uuid, case_id uuid, child_ref text, team text, strategy_discussion_id uuid,
                strategy_discussion_date date, icpc_due_by date, started_at timestamptz, started_date date,
                completed_at timestamptz, completed_date date, outcome text
                """;
    private static final String ENQUIRY_START = """
                ON CONFLICT (section47_id) DO UPDATE SET case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team, strategy_discussion_id = EXCLUDED.strategy_discussion_id,
                    strategy_discussion_date = EXCLUDED.strategy_discussion_date, icpc_due_by = EXCLUDED.icpc_due_by,
                    started_at = EXCLUDED.started_at, started_date = EXCLUDED.started_date
                """;
    private static final String ENQUIRIES_STARTED = Unnest.insert("section47_fact", ENQUIRY_COLUMNS, ENQUIRY_START);
    private static final String ENQUIRIES_COMPLETED = Unnest.insert("section47_fact", ENQUIRY_COLUMNS,
            ENQUIRY_START + """
                    , completed_at = EXCLUDED.completed_at, completed_date = EXCLUDED.completed_date,
                    outcome = EXCLUDED.outcome
                    """);

    private static final String CONFERENCES = Unnest.insert("conference_fact", """
                conference_id uuid, case_id uuid, child_ref text, team text, held_at timestamptz, held_date date,
                kind text, transfer_in boolean, section47_id uuid, strategy_discussion_date date, working_days int,
                outcome text, category text, cp_plan_id uuid
                """, """
                ON CONFLICT (conference_id) DO UPDATE SET case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team, held_at = EXCLUDED.held_at, held_date = EXCLUDED.held_date,
                    kind = EXCLUDED.kind, transfer_in = EXCLUDED.transfer_in, section47_id = EXCLUDED.section47_id,
                    strategy_discussion_date = COALESCE(EXCLUDED.strategy_discussion_date,
                        conference_fact.strategy_discussion_date),
                    working_days = COALESCE(EXCLUDED.working_days, conference_fact.working_days),
                    outcome = EXCLUDED.outcome, category = EXCLUDED.category, cp_plan_id = EXCLUDED.cp_plan_id
                """);

    private static final String PLAN_STARTS = Unnest.insert("cp_plan_fact", """
                cp_plan_id uuid, case_id uuid, child_ref text, team text, category text, start_date date,
                repeat_reported boolean
                """, """
                ON CONFLICT (cp_plan_id) DO UPDATE SET case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team, category = EXCLUDED.category, start_date = EXCLUDED.start_date,
                    repeat_reported = EXCLUDED.repeat_reported
                """);

    private static final String PLAN_ENDS = Unnest.insert("cp_plan_fact", """
                cp_plan_id uuid, case_id uuid, child_ref text, team text, category text, start_date date, end_date date,
                ended_by_closure boolean, lasted_two_years boolean
                """, """
                ON CONFLICT (cp_plan_id) DO UPDATE SET end_date = EXCLUDED.end_date,
                    ended_by_closure = EXCLUDED.ended_by_closure, lasted_two_years = EXCLUDED.lasted_two_years,
                    category = COALESCE(cp_plan_fact.category, EXCLUDED.category)
                """);

    private final EntityManager entityManager;
    private final WorkingCalendar calendar;

    public StepFactRepository(EntityManager entityManager, WorkingCalendar calendar) {
        this.entityManager = entityManager;
        this.calendar = calendar;
    }

    /** An assessment.started (outcome and primary need null) or .completed. */
    public record AssessmentStep(Facts.Assessment assessment, String outcome, String primaryNeed) {
    }

    /** A strategy-discussion.held. */
    public record StrategyDiscussion(UUID id, UUID caseId, String childRef, String team, Instant heldAt,
            boolean section47Initiated) {
    }

    /** A section47.started or .completed, with the strategy discussion that initiated the enquiry. */
    public record EnquiryStep(Facts.Section47 enquiry, UUID strategyDiscussionId) {
    }

    /** A conference.held, with its category and the plan it started (null when none). */
    public record ConferenceHeld(Facts.Conference conference, String category, UUID planId) {
    }

    /** The start (from its initial conference) or the end (from cp-plan.ended) of a plan. */
    public record PlanChange(Facts.CpPlan plan, String category, boolean endedByClosure) {
    }

    /**
     * Both events carry everything about the start, so either may create the row; only the completion
     * writes the completion columns, and a start seen later never clears them.
     */
    public void recordAssessments(List<AssessmentStep> steps) {
        List<Object[]> started = new ArrayList<>();
        List<Object[]> completed = new ArrayList<>();
        for (AssessmentStep step : steps) {
            Facts.Assessment assessment = step.assessment();
            (assessment.completedAt() == null ? started : completed).add(new Object[] { assessment.id(),
                assessment.caseId(), assessment.childRef(), assessment.team(), assessment.kind(),
                assessment.referralDate(), assessment.startedAt(), assessment.startedDate(), assessment.completedAt(),
                assessment.completedDate(), step.outcome(), step.primaryNeed(), assessment.anchor(RuleSets.WT2023),
                assessment.due(RuleSets.WT2023, calendar), assessment.workingDays(RuleSets.WT2023, calendar),
                assessment.anchor(RuleSets.WT2010), assessment.due(RuleSets.WT2010, calendar),
                assessment.workingDays(RuleSets.WT2010, calendar) });
        }
        Unnest.execute(entityManager, ASSESSMENTS_STARTED, started);
        Unnest.execute(entityManager, ASSESSMENTS_COMPLETED, completed);
    }

    public void recordStrategyDiscussions(List<StrategyDiscussion> discussions) {
        Unnest.execute(entityManager, STRATEGY_DISCUSSIONS, discussions, discussion -> new Object[] {
            discussion.id(), discussion.caseId(), discussion.childRef(), discussion.team(),
            discussion.heldAt(), WorkingCalendar.londonDate(discussion.heldAt()),
            discussion.section47Initiated() });
    }

    /**
     * Either event creates the row (both carry the start and the initiating discussion); the caller then
     * anchors the initial conferences seen before their enquiry ({@link #anchorConferences}).
     */
    public void recordSection47s(List<EnquiryStep> steps) {
        List<Object[]> started = new ArrayList<>();
        List<Object[]> completed = new ArrayList<>();
        for (EnquiryStep step : steps) {
            Facts.Section47 enquiry = step.enquiry();
            (enquiry.completedAt() == null ? started : completed).add(new Object[] { enquiry.id(), enquiry.caseId(),
                enquiry.childRef(), enquiry.team(), step.strategyDiscussionId(), enquiry.strategyDiscussionDate(),
                enquiry.icpcDue(calendar), enquiry.startedAt(), enquiry.startedDate(), enquiry.completedAt(),
                enquiry.completedDate(), enquiry.outcome() });
        }
        Unnest.execute(entityManager, ENQUIRIES_STARTED, started);
        Unnest.execute(entityManager, ENQUIRIES_COMPLETED, completed);
    }

    /**
     * A conference is one event; one without an anchor of its own keeps the one it already has and takes its
     * enquiry's once both are known ({@link #anchorConferences}).
     */
    public void recordConferences(List<ConferenceHeld> held) {
        Unnest.execute(entityManager, CONFERENCES, held, row -> {
            Facts.Conference conference = row.conference();
            return new Object[] { conference.id(), conference.caseId(), conference.childRef(), conference.team(),
                conference.heldAt(), conference.heldDate(), conference.kind(), conference.transferIn(),
                conference.section47Id(), conference.strategyDiscussionDate(), conference.workingDays(calendar),
                conference.outcome(), row.category(), row.planId() };
        });
    }

    /**
     * Conferences of these enquiries without an anchor of their own take their enquiry's strategy discussion
     * date and the working days from it, whichever of the two arrived first.
     */
    public void anchorConferences(Collection<UUID> section47Ids) {
        List<Object[]> changes = new ArrayList<>();
        for (Object[] row : Unnest.select(entityManager, """
                SELECT c.conference_id, c.held_date, s.strategy_discussion_date
                FROM conference_fact c JOIN section47_fact s ON s.section47_id = c.section47_id
                WHERE c.section47_id = ANY(?::text[]::uuid[]) AND c.strategy_discussion_date IS NULL
                  AND s.strategy_discussion_date IS NOT NULL
                """, section47Ids)) {
            LocalDate anchor = toDate(row[2]);
            changes.add(new Object[] { row[0], anchor, calendar.workingDaysBetween(anchor, toDate(row[1])) });
        }
        Unnest.execute(entityManager, """
                UPDATE conference_fact c SET strategy_discussion_date = u.anchor::date, working_days = u.days::int
                FROM unnest(?::text[], ?::text[], ?::text[]) AS u(conference_id, anchor, days)
                WHERE c.conference_id = u.conference_id::uuid
                """, changes);
    }

    /** The starts of plans, from their initial conferences; their ends may already be known. */
    public void recordPlanStarts(List<PlanChange> starts) {
        Unnest.execute(entityManager, PLAN_STARTS, starts, start -> {
            Facts.CpPlan plan = start.plan();
            return new Object[] { plan.id(), plan.caseId(), plan.childRef(), plan.team(), start.category(),
                plan.startDate(), plan.repeatReported() };
        });
    }

    /** The ends of plans; each carries the start too, so the plan counts even before its conference is seen. */
    public void recordPlanEnds(List<PlanChange> ends) {
        Unnest.execute(entityManager, PLAN_ENDS, ends, end -> {
            Facts.CpPlan plan = end.plan();
            return new Object[] { plan.id(), plan.caseId(), plan.childRef(), plan.team(), end.category(),
                plan.startDate(), plan.endDate(), end.endedByClosure(), plan.lastedTwoYears() };
        });
    }

    /** Recomputes "the child had an earlier plan" for every plan of these children: converges in any order. */
    public void refreshEarlierPlans(Collection<String> childRefs) {
        Map<String, List<Object[]>> byChild = new LinkedHashMap<>();
        for (Object[] row : Unnest.select(entityManager, """
                SELECT child_ref, cp_plan_id, case_id, start_date, earlier_plan FROM cp_plan_fact
                WHERE child_ref = ANY(?::text[])
                """, childRefs)) {
            byChild.computeIfAbsent((String) row[0], child -> new ArrayList<>()).add(row);
        }
        List<Object[]> changes = new ArrayList<>();
        for (List<Object[]> rows : byChild.values()) {
            List<Facts.CpPlan> plans = new ArrayList<>();
            for (Object[] row : rows) {
                plans.add(new Facts.CpPlan((UUID) row[1], (UUID) row[2], (String) row[0], "", toDate(row[3]), null,
                        false));
            }
            for (int i = 0; i < plans.size(); i++) {
                boolean earlier = Facts.earlierPlan(plans.get(i), plans);
                if (earlier != (Boolean) rows.get(i)[4]) {
                    changes.add(new Object[] { plans.get(i).id(), earlier });
                }
            }
        }
        Unnest.execute(entityManager, """
                UPDATE cp_plan_fact p SET earlier_plan = u.earlier::boolean
                FROM unnest(?::text[], ?::text[]) AS u(cp_plan_id, earlier) WHERE p.cp_plan_id = u.cp_plan_id::uuid
                """, changes);
    }

    /** A date column as JDBC or Hibernate hands it over. */
    public static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }
}
