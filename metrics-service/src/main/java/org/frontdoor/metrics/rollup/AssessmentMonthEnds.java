package org.frontdoor.metrics.rollup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.repository.IndicatorRepository;
import org.frontdoor.metrics.repository.StepFactRepository;

/**
 * Keeps {@code assessment_month_end} (V9__assessment_month_ends.sql): ASSESSMENTS_OVERDUE's two counts (past the
 * due date, due within 10 working days) at the end of every month that has ended, by rule set, team and the
 * case's source, so a snapshot at a month end reads a few rows instead of every assessment completed after it.
 * Run by the {@link RollupRefresher} before every answer, like the case standings: the month ends that written
 * assessments were open at (the triggers' marks, and the assessments of cases whose source changed) are counted
 * again from the facts with the same conditions as a snapshot on any other date; a month that has ended since
 * is counted once it has; with no count kept yet (a new or rebuilt database) or a bulk load's many marks, every
 * month end from the first assessment's start.
 */
@ApplicationScoped
public class AssessmentMonthEnds {

    /** More marks than this (a bulk load, a replay): count every month end again. */
    static final int EVERY_MARK = 10_000;

    /** Marks the assessments of the cases in the CTE {@code changed}: their source is part of the counts' group. */
    static final String MARK_CASES = "INSERT INTO assessment_month_end_dirty (first_day, last_day) "
            + "SELECT DISTINCT started_date, COALESCE(completed_date, 'infinity') FROM assessment_fact "
            + "WHERE case_id IN (SELECT case_id FROM changed)";

    /**
     * The assessments open at the end of each month end {@code e.m} of the CTE {@code e (m, soon)}, counted by
     * team and source under every rule set: the month ends each assessment was open at are generated from its
     * own dates (open at the end of m: started by m, not completed by m), so one pass reads each assessment once.
     */
    private static final String COUNT_MANY;

    /** The same for one month end {@code :m}, from the assessments still open after it (for a few month ends). */
    private static final String COUNT_ONE;

    static {
        StringBuilder dues = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (var ruleSet : RuleSets.all()) {
            String rs = IndicatorRepository.ruleSetColumn(ruleSet);
            dues.append(", due_").append(rs);
            counts.append(", count(*) FILTER (WHERE o.due_").append(rs).append(" < o.m) AS overdue_").append(rs)
                    .append(", count(*) FILTER (WHERE o.due_").append(rs).append(" >= o.m AND o.due_").append(rs)
                    .append(" <= o.soon) AS soon_").append(rs);
            values.append(values.isEmpty() ? "" : ", ").append("('").append(rs).append("', overdue_").append(rs)
                    .append(", soon_").append(rs).append(')');
        }
        String insert = "INSERT INTO assessment_month_end (month_end, rule_set, team, source, overdue, due_soon) "
                + "SELECT counted.m, v.rule_set, counted.team, counted.source, v.overdue, v.due_soon FROM counted "
                + "CROSS JOIN LATERAL (VALUES " + values + ") AS v (rule_set, overdue, due_soon) "
                + "WHERE v.overdue > 0 OR v.due_soon > 0";
        String count = "counted AS (SELECT o.m, o.team, o.source" + counts + " FROM still_open o GROUP BY 1, 2, 3) ";
        COUNT_MANY = "WITH e AS (SELECT * FROM unnest(CAST(:ends AS date[]), CAST(:soons AS date[])) AS e (m, soon)), "
                + "still_open AS (SELECT e.m, e.soon, a.team, COALESCE(c.source, '') AS source" + dues
                + " FROM assessment_fact a CROSS JOIN LATERAL generate_series(date_trunc('month', a.started_date), "
                + "date_trunc('month', least(a.completed_date, CAST(:last AS date))), interval '1 month') ms "
                + "JOIN e ON e.m = (ms + interval '1 month' - interval '1 day')::date "
                + "LEFT JOIN case_fact c ON c.case_id = a.case_id "
                + "WHERE a.started_date <= :last AND e.m >= a.started_date "
                + "AND (a.completed_date IS NULL OR e.m < a.completed_date)), " + count + insert;
        // Still open, or completed after the month end: two ranges of the (completed_date) covering index; the
        // case's source looked up for each (a few thousand), not joined (a scan of every case).
        String open = "SELECT CAST(:m AS date) AS m, CAST(:soon AS date) AS soon, team, COALESCE((SELECT "
                + "c.source FROM case_fact c WHERE c.case_id = a.case_id), '') AS source" + dues
                + " FROM assessment_fact a WHERE started_date <= :m AND completed_date ";
        COUNT_ONE = "WITH still_open AS (" + open + "IS NULL UNION ALL " + open + "> :m), " + count + insert;
    }

    /** More month ends than this to count: one pass over the assessments rather than a read per month end. */
    private static final int ONE_PASS = 6;

    private final EntityManager entityManager;
    private final Clock clock;
    private final WorkingCalendar calendar;

    public AssessmentMonthEnds(EntityManager entityManager, Clock clock, WorkingCalendar calendar) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Counts again the month ends marked or ended since the last run; returns how many it counted. */
    public int refresh() {
        LocalDate kept = lastMonthEndKept();
        // The last month that has ended (London).
        LocalDate last = WorkingCalendar.londonDate(clock.instant()).withDayOfMonth(1).minusDays(1);
        int marks = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM (SELECT 1 FROM "
                + "assessment_month_end_dirty LIMIT " + (EVERY_MARK + 1) + ") m").getSingleResult()).intValue();
        NavigableSet<LocalDate> monthEnds = new TreeSet<>();
        if (kept == null || marks > EVERY_MARK) {
            // The marks go first, so anything committed after this statement keeps its mark for the next run.
            entityManager.createNativeQuery("DELETE FROM assessment_month_end_dirty").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM assessment_month_end").executeUpdate();
            Object first = entityManager.createNativeQuery("SELECT min(started_date) FROM assessment_fact")
                    .getSingleResult();
            if (first != null) {
                monthEnds.addAll(monthEnds(monthEnd(StepFactRepository.toDate(first)), last));
            }
        } else {
            if (marks > 0) {
                // The month ends up to the last one kept at which a marked assessment was open, in one snapshot
                // with taking the marks.
                for (Object monthEnd : entityManager.createNativeQuery("""
                        WITH taken AS (DELETE FROM assessment_month_end_dirty RETURNING first_day, last_day)
                        SELECT DISTINCT m.month_end FROM taken
                        CROSS JOIN LATERAL (
                            SELECT (ms + interval '1 month' - interval '1 day')::date AS month_end
                            FROM generate_series(date_trunc('month', taken.first_day),
                                                 date_trunc('month', least(taken.last_day, CAST(:kept AS date))),
                                                 interval '1 month') ms
                        ) m
                        WHERE m.month_end >= taken.first_day AND m.month_end < taken.last_day
                          AND m.month_end <= CAST(:kept AS date)
                        """).setParameter("kept", kept).getResultList()) {
                    monthEnds.add(StepFactRepository.toDate(monthEnd));
                }
            }
            if (kept.isBefore(last)) {
                monthEnds.addAll(monthEnds(kept.plusDays(1), last));
            }
        }
        if (monthEnds.size() > ONE_PASS) {
            List<LocalDate> soons = monthEnds.stream().map(m -> IndicatorRules.dueSoonUntil(m, calendar)).toList();
            entityManager.createNativeQuery("DELETE FROM assessment_month_end WHERE month_end IN (SELECT "
                    + "unnest(CAST(:ends AS date[])))").setParameter("ends", RollupSql.dateArray(monthEnds))
                    .executeUpdate();
            entityManager.createNativeQuery(COUNT_MANY).setParameter("ends", RollupSql.dateArray(monthEnds))
                    .setParameter("soons", RollupSql.dateArray(soons))
                    .setParameter("last", monthEnds.last()).executeUpdate();
        } else {
            for (LocalDate monthEnd : monthEnds) {
                entityManager.createNativeQuery("DELETE FROM assessment_month_end WHERE month_end = :m")
                        .setParameter("m", monthEnd).executeUpdate();
                entityManager.createNativeQuery(COUNT_ONE).setParameter("m", monthEnd)
                        .setParameter("soon", IndicatorRules.dueSoonUntil(monthEnd, calendar)).executeUpdate();
            }
        }
        if (!last.equals(kept)) {
            entityManager.createNativeQuery("INSERT INTO assessment_month_end_kept (id, last_month_end) "
                    + "VALUES (1, :last) ON CONFLICT (id) DO UPDATE SET last_month_end = EXCLUDED.last_month_end")
                    .setParameter("last", last).executeUpdate();
        }
        return monthEnds.size();
    }

    /** The last month end whose counts are kept, or null before the first run. */
    public LocalDate lastMonthEndKept() {
        List<?> kept = entityManager.createNativeQuery("SELECT last_month_end FROM assessment_month_end_kept")
                .getResultList();
        return kept.isEmpty() ? null : StepFactRepository.toDate(kept.get(0));
    }

    /** The month ends from {@code from}'s month to {@code to}, both included when they are month ends. */
    private static List<LocalDate> monthEnds(LocalDate from, LocalDate to) {
        List<LocalDate> monthEnds = new ArrayList<>();
        for (LocalDate m = monthEnd(from); !m.isAfter(to); m = monthEnd(m.plusDays(1))) {
            monthEnds.add(m);
        }
        return monthEnds;
    }

    private static LocalDate monthEnd(LocalDate date) {
        return date.withDayOfMonth(date.lengthOfMonth());
    }
}
