package org.frontdoor.metrics.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.metrics.domain.Facts;
import org.hibernate.query.NativeQuery;

/**
 * Writes the facts of a case's steps (assessments, strategy discussions, S47 enquiries, conferences, CP
 * plans) with upserts that converge whatever order their events arrive in, joining a step to what it
 * depends on when the later of the two arrives.
 */
@ApplicationScoped
public class StepFactRepository {

    private final EntityManager entityManager;
    private final WorkingCalendar calendar;

    public StepFactRepository(EntityManager entityManager, WorkingCalendar calendar) {
        this.entityManager = entityManager;
        this.calendar = calendar;
    }

    /**
     * Both events carry everything about the start, so either may create the row; only the completion
     * writes the completion columns, and a start seen later never clears them.
     */
    public void recordAssessment(Facts.Assessment assessment, String outcome, String primaryNeed) {
        boolean completed = assessment.completedAt() != null;
        String sql = """
                INSERT INTO assessment_fact (assessment_id, case_id, child_ref, team, kind, referral_date, started_at,
                    started_date, completed_at, completed_date, outcome, primary_need, anchor_wt2023, due_wt2023,
                    working_days_wt2023, anchor_wt2010, due_wt2010, working_days_wt2010)
                VALUES (:id, :caseId, :childRef, :team, :kind, :referralDate, :startedAt, :startedDate, :completedAt,
                    :completedDate, :outcome, :primaryNeed, :anchor2023, :due2023, :days2023, :anchor2010, :due2010,
                    :days2010)
                ON CONFLICT (assessment_id) DO UPDATE SET
                    case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref, team = EXCLUDED.team,
                    kind = EXCLUDED.kind, referral_date = EXCLUDED.referral_date, started_at = EXCLUDED.started_at,
                    started_date = EXCLUDED.started_date, anchor_wt2023 = EXCLUDED.anchor_wt2023,
                    due_wt2023 = EXCLUDED.due_wt2023, anchor_wt2010 = EXCLUDED.anchor_wt2010,
                    due_wt2010 = EXCLUDED.due_wt2010
                """ + (completed ? """
                    , completed_at = EXCLUDED.completed_at, completed_date = EXCLUDED.completed_date,
                    outcome = EXCLUDED.outcome, primary_need = EXCLUDED.primary_need,
                    working_days_wt2023 = EXCLUDED.working_days_wt2023,
                    working_days_wt2010 = EXCLUDED.working_days_wt2010
                    """ : "");
        query(sql)
                .setParameter("id", assessment.id())
                .setParameter("caseId", assessment.caseId())
                .setParameter("childRef", assessment.childRef())
                .setParameter("team", assessment.team())
                .setParameter("kind", assessment.kind().name())
                .setParameter("referralDate", assessment.referralDate())
                .setParameter("startedAt", assessment.startedAt())
                .setParameter("startedDate", assessment.startedDate())
                .setParameter("completedAt", assessment.completedAt(), java.time.Instant.class)
                .setParameter("completedDate", assessment.completedDate(), LocalDate.class)
                .setParameter("outcome", outcome, String.class)
                .setParameter("primaryNeed", primaryNeed, String.class)
                .setParameter("anchor2023", assessment.anchor(RuleSets.WT2023))
                .setParameter("due2023", assessment.due(RuleSets.WT2023, calendar))
                .setParameter("days2023", assessment.workingDays(RuleSets.WT2023, calendar), Integer.class)
                .setParameter("anchor2010", assessment.anchor(RuleSets.WT2010))
                .setParameter("due2010", assessment.due(RuleSets.WT2010, calendar))
                .setParameter("days2010", assessment.workingDays(RuleSets.WT2010, calendar), Integer.class)
                .executeUpdate();
    }

    public void recordStrategyDiscussion(UUID id, UUID caseId, String childRef, String team,
            java.time.Instant heldAt, boolean section47Initiated) {
        query("""
                INSERT INTO strategy_discussion_fact (strategy_discussion_id, case_id, child_ref, team, held_at,
                    held_date, section47_initiated)
                VALUES (:id, :caseId, :childRef, :team, :heldAt, :heldDate, :initiated)
                ON CONFLICT (strategy_discussion_id) DO UPDATE SET case_id = EXCLUDED.case_id,
                    child_ref = EXCLUDED.child_ref, team = EXCLUDED.team, held_at = EXCLUDED.held_at,
                    held_date = EXCLUDED.held_date, section47_initiated = EXCLUDED.section47_initiated
                """)
                .setParameter("id", id).setParameter("caseId", caseId).setParameter("childRef", childRef)
                .setParameter("team", team).setParameter("heldAt", heldAt)
                .setParameter("heldDate", WorkingCalendar.londonDate(heldAt))
                .setParameter("initiated", section47Initiated)
                .executeUpdate();
    }

    /**
     * Either event creates the row (both carry the start and the initiating discussion); then an initial
     * conference seen before its enquiry, with no anchor of its own, takes the enquiry's.
     */
    public void recordSection47(Facts.Section47 enquiry, UUID strategyDiscussionId) {
        boolean completed = enquiry.completedAt() != null;
        query("""
                INSERT INTO section47_fact (section47_id, case_id, child_ref, team, strategy_discussion_id,
                    strategy_discussion_date, icpc_due_by, started_at, started_date, completed_at, completed_date,
                    outcome)
                VALUES (:id, :caseId, :childRef, :team, :sdId, :sdDate, :due, :startedAt, :startedDate, :completedAt,
                    :completedDate, :outcome)
                ON CONFLICT (section47_id) DO UPDATE SET case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team, strategy_discussion_id = EXCLUDED.strategy_discussion_id,
                    strategy_discussion_date = EXCLUDED.strategy_discussion_date, icpc_due_by = EXCLUDED.icpc_due_by,
                    started_at = EXCLUDED.started_at, started_date = EXCLUDED.started_date
                """ + (completed ? """
                    , completed_at = EXCLUDED.completed_at, completed_date = EXCLUDED.completed_date,
                    outcome = EXCLUDED.outcome
                    """ : ""))
                .setParameter("id", enquiry.id()).setParameter("caseId", enquiry.caseId())
                .setParameter("childRef", enquiry.childRef()).setParameter("team", enquiry.team())
                .setParameter("sdId", strategyDiscussionId)
                .setParameter("sdDate", enquiry.strategyDiscussionDate())
                .setParameter("due", enquiry.icpcDue(calendar))
                .setParameter("startedAt", enquiry.startedAt())
                .setParameter("startedDate", enquiry.startedDate())
                .setParameter("completedAt", enquiry.completedAt(), java.time.Instant.class)
                .setParameter("completedDate", enquiry.completedDate(), LocalDate.class)
                .setParameter("outcome", enquiry.outcome() == null ? null : enquiry.outcome().name(), String.class)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> waiting = entityManager.createNativeQuery("""
                SELECT conference_id, held_date FROM conference_fact
                WHERE section47_id = :id AND strategy_discussion_date IS NULL
                """).setParameter("id", enquiry.id()).getResultList();
        for (Object[] conference : waiting) {
            LocalDate held = toDate(conference[1]);
            query("""
                    UPDATE conference_fact SET strategy_discussion_date = :sdDate, working_days = :days
                    WHERE conference_id = :id
                    """)
                    .setParameter("sdDate", enquiry.strategyDiscussionDate())
                    .setParameter("days", calendar.workingDaysBetween(enquiry.strategyDiscussionDate(), held))
                    .setParameter("id", conference[0])
                    .executeUpdate();
        }
    }

    /** A conference is one event; without an anchor of its own it takes its enquiry's, if already known. */
    public void recordConference(Facts.Conference conference, String category, UUID planId) {
        Facts.Conference anchored = conference;
        if (conference.strategyDiscussionDate() == null && conference.section47Id() != null) {
            @SuppressWarnings("unchecked")
            List<Object> known = entityManager.createNativeQuery(
                    "SELECT strategy_discussion_date FROM section47_fact WHERE section47_id = :id")
                    .setParameter("id", conference.section47Id()).getResultList();
            if (!known.isEmpty() && known.get(0) != null) {
                anchored = new Facts.Conference(conference.id(), conference.caseId(), conference.childRef(),
                        conference.team(), conference.heldAt(), conference.kind(), conference.transferIn(),
                        conference.section47Id(), toDate(known.get(0)), conference.outcome());
            }
        }
        query("""
                INSERT INTO conference_fact (conference_id, case_id, child_ref, team, held_at, held_date, kind,
                    transfer_in, section47_id, strategy_discussion_date, working_days, outcome, category, cp_plan_id)
                VALUES (:id, :caseId, :childRef, :team, :heldAt, :heldDate, :kind, :transferIn, :section47Id,
                    :sdDate, :days, :outcome, :category, :planId)
                ON CONFLICT (conference_id) DO UPDATE SET case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team, held_at = EXCLUDED.held_at, held_date = EXCLUDED.held_date,
                    kind = EXCLUDED.kind, transfer_in = EXCLUDED.transfer_in, section47_id = EXCLUDED.section47_id,
                    strategy_discussion_date = COALESCE(EXCLUDED.strategy_discussion_date,
                        conference_fact.strategy_discussion_date),
                    working_days = COALESCE(EXCLUDED.working_days, conference_fact.working_days),
                    outcome = EXCLUDED.outcome, category = EXCLUDED.category, cp_plan_id = EXCLUDED.cp_plan_id
                """)
                .setParameter("id", anchored.id()).setParameter("caseId", anchored.caseId())
                .setParameter("childRef", anchored.childRef()).setParameter("team", anchored.team())
                .setParameter("heldAt", anchored.heldAt()).setParameter("heldDate", anchored.heldDate())
                .setParameter("kind", anchored.kind().name()).setParameter("transferIn", anchored.transferIn())
                .setParameter("section47Id", anchored.section47Id(), UUID.class)
                .setParameter("sdDate", anchored.strategyDiscussionDate(), LocalDate.class)
                .setParameter("days", anchored.workingDays(calendar), Integer.class)
                .setParameter("outcome", anchored.outcome().name())
                .setParameter("category", category, String.class)
                .setParameter("planId", planId, UUID.class)
                .executeUpdate();
    }

    /** The start of a plan, from its initial conference; its end may already be known. */
    public void recordPlanStart(Facts.CpPlan plan, String category) {
        query("""
                INSERT INTO cp_plan_fact (cp_plan_id, case_id, child_ref, team, category, start_date, repeat_reported)
                VALUES (:id, :caseId, :childRef, :team, :category, :start, :repeat)
                ON CONFLICT (cp_plan_id) DO UPDATE SET case_id = EXCLUDED.case_id, child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team, category = EXCLUDED.category, start_date = EXCLUDED.start_date,
                    repeat_reported = EXCLUDED.repeat_reported
                """)
                .setParameter("id", plan.id()).setParameter("caseId", plan.caseId())
                .setParameter("childRef", plan.childRef()).setParameter("team", plan.team())
                .setParameter("category", category, String.class).setParameter("start", plan.startDate())
                .setParameter("repeat", plan.repeatReported())
                .executeUpdate();
        refreshEarlierPlans(plan.childRef());
    }

    /** The end of a plan; it carries the start too, so the plan counts even before its conference is seen. */
    public void recordPlanEnd(Facts.CpPlan plan, String category, boolean endedByClosure) {
        query("""
                INSERT INTO cp_plan_fact (cp_plan_id, case_id, child_ref, team, category, start_date, end_date,
                    ended_by_closure, lasted_two_years)
                VALUES (:id, :caseId, :childRef, :team, :category, :start, :end, :byClosure, :twoYears)
                ON CONFLICT (cp_plan_id) DO UPDATE SET end_date = EXCLUDED.end_date,
                    ended_by_closure = EXCLUDED.ended_by_closure, lasted_two_years = EXCLUDED.lasted_two_years,
                    category = COALESCE(cp_plan_fact.category, EXCLUDED.category)
                """)
                .setParameter("id", plan.id()).setParameter("caseId", plan.caseId())
                .setParameter("childRef", plan.childRef()).setParameter("team", plan.team())
                .setParameter("category", category, String.class).setParameter("start", plan.startDate())
                .setParameter("end", plan.endDate()).setParameter("byClosure", endedByClosure)
                .setParameter("twoYears", plan.lastedTwoYears())
                .executeUpdate();
        refreshEarlierPlans(plan.childRef());
    }

    /** Recomputes "the child had an earlier plan" for every plan of the child: converges in any order. */
    private void refreshEarlierPlans(String childRef) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT cp_plan_id, case_id, start_date, earlier_plan FROM cp_plan_fact WHERE child_ref = :child
                """).setParameter("child", childRef).getResultList();
        List<Facts.CpPlan> plans = new ArrayList<>();
        for (Object[] row : rows) {
            plans.add(new Facts.CpPlan((UUID) row[0], (UUID) row[1], childRef, "", toDate(row[2]), null, false));
        }
        for (int i = 0; i < plans.size(); i++) {
            boolean earlier = Facts.earlierPlan(plans.get(i), plans);
            if (earlier != (Boolean) rows.get(i)[3]) {
                query("UPDATE cp_plan_fact SET earlier_plan = :earlier WHERE cp_plan_id = :id")
                        .setParameter("earlier", earlier).setParameter("id", plans.get(i).id()).executeUpdate();
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private NativeQuery query(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return (LocalDate) value;
    }
}
