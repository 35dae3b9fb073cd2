package org.frontdoor.metrics.rollup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * Keeps {@code case_standing} (V4__case_standing.sql) equal to what the facts say, and the counts at each month
 * end ({@code standing_month_end}, V6__standing_month_ends.sql) equal to the stretches: for each case the
 * triggers marked, its stretches are deleted and worked out again from its case, allocation and deallocation
 * facts, and the month ends they covered lose the old stretches' counts and gain the new ones'. Runs inside
 * {@link RollupRefresher#refresh()}, under its lock, so there is one writer.
 *
 * <p>Where a case stands at the end of a day is its latest allocation or deallocation (by time) dated on or
 * before that day, as {@code IndicatorRules} reads it: the last move of each day holds from that day until the
 * day of the next move, and before the first move the case waits since its referral date. An allocation and a
 * deallocation at the same instant leave the case allocated. A deallocation waits since its
 * {@code waiting_since} (a London date), or since the referral date when it has none.
 */
@ApplicationScoped
public class CaseStandings {

    /** Above this many marked cases, every case's stretches are worked out again in one pass. */
    static final int EVERY_CASE = 50_000;

    /** The first month end counted; a snapshot before it reads the stretches. */
    public static final LocalDate FIRST_MONTH_END = LocalDate.parse("2000-01-31");

    /** The stretches of the cases {@code {cases}} / {@code {caseRows}} select, as the CTE {@code clipped}. */
    private static final String STRETCHES = """
            move AS (
                SELECT case_id, allocated_date AS day, allocated_at AS at, 1 AS tie, worker_id, allocated_date AS since
                FROM allocation_fact WHERE {cases}
                UNION ALL
                SELECT case_id, deallocated_date, deallocated_at, 0, NULL,
                       (waiting_since AT TIME ZONE 'Europe/London')::date
                FROM deallocation_fact WHERE {cases}
            ), daily AS (
                SELECT DISTINCT ON (case_id, day) case_id, day, worker_id, since
                FROM move ORDER BY case_id, day, at DESC, tie DESC
            ), stretch AS (
                SELECT case_id, day AS valid_from, lead(day, 1, 'infinity') OVER (PARTITION BY case_id ORDER BY day)
                       AS valid_to, worker_id, since
                FROM daily
                UNION ALL
                SELECT case_id, '-infinity', min(day), NULL, NULL FROM daily GROUP BY case_id
            ), clipped AS (
                SELECT c.case_id, greatest(s.valid_from, c.referral_date) AS valid_from,
                       least(s.valid_to, COALESCE(c.closed_date, 'infinity')) AS valid_to, c.team, c.source,
                       s.worker_id, COALESCE(s.since, c.referral_date) AS since
                FROM case_fact c LEFT JOIN stretch s ON s.case_id = c.case_id
                WHERE c.opened_at IS NOT NULL AND {caseRows}
            )""";

    private static final String INSERT_STRETCHES = """
            INSERT INTO case_standing (case_id, valid_from, valid_to, team, source, worker_id, since)
            SELECT case_id, valid_from, valid_to, team, source, worker_id, since FROM clipped
            WHERE valid_from < valid_to""";

    /**
     * The month ends in {@code [:first, :last]} a stretch {@code s} holds at, as {@code m.month_end}; and the
     * group a month end counts it in (team, source, worker or '' when waiting, since when waiting or
     * -infinity when held: no NULLs, so the group is a plain unique key).
     */
    private static final String MONTH_ENDS = """
            CROSS JOIN LATERAL (
                SELECT (ms + interval '1 month' - interval '1 day')::date AS month_end
                FROM generate_series(date_trunc('month', greatest(s.valid_from, CAST(:first AS date))),
                                     date_trunc('month', least(s.valid_to - 1, CAST(:last AS date))),
                                     interval '1 month') ms
            ) m
            WHERE m.month_end >= s.valid_from AND m.month_end < s.valid_to
              AND m.month_end BETWEEN CAST(:first AS date) AND CAST(:last AS date)""";

    private static final String GROUP = "s.team, COALESCE(s.source, ''), COALESCE(s.worker_id, ''), "
            + "CASE WHEN s.worker_id IS NULL THEN s.since ELSE '-infinity' END";

    private static final String COUNT_MONTH_ENDS = "INSERT INTO standing_month_end (month_end, team, source, "
            + "worker_id, since, n) SELECT m.month_end, " + GROUP + ", count(*) FROM case_standing s "
            + MONTH_ENDS + " GROUP BY m.month_end, " + GROUP;

    private final EntityManager entityManager;
    private final Clock clock;

    public CaseStandings(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Brings the marked cases' stretches and the month-end counts up to date; returns how many marks it took. */
    public int refresh() {
        Object marked = entityManager.createNativeQuery(
                "SELECT count(*) FROM (SELECT 1 FROM case_standing_dirty LIMIT " + (EVERY_CASE + 1) + ") m")
                .getSingleResult();
        int marks = ((Number) marked).intValue();
        LocalDate kept = lastMonthEndKept();
        // The last month that has ended (London): its counts are kept from now on.
        LocalDate last = WorkingCalendar.londonDate(clock.instant()).withDayOfMonth(1).minusDays(1);
        if (marks > EVERY_CASE) {
            // A bulk load or a replay: every case again. The marks go first, so anything committed after this
            // statement's snapshot keeps its mark for the next refresh; the stretches are read later still.
            int all = entityManager.createNativeQuery("DELETE FROM case_standing_dirty").executeUpdate();
            entityManager.createNativeQuery("TRUNCATE case_standing, standing_month_end").executeUpdate();
            entityManager.createNativeQuery("WITH " + STRETCHES.replace("{cases}", "true")
                    .replace("{caseRows}", "true") + " " + INSERT_STRETCHES).executeUpdate();
            countMonthEnds(FIRST_MONTH_END, last);
            return all;
        }
        if (marks > 0) {
            // One statement, one snapshot: the marks taken, the marked cases' old stretches deleted and their new
            // ones inserted (the delete cannot see the inserted rows), and each month end they cover counts the
            // new ones instead of the old.
            entityManager.createNativeQuery("WITH marked AS (DELETE FROM case_standing_dirty RETURNING case_id), "
                    + "gone AS (DELETE FROM case_standing WHERE case_id IN (SELECT case_id FROM marked) "
                    + "RETURNING valid_from, valid_to, team, source, worker_id, since), "
                    + STRETCHES.replace("{cases}", "case_id IN (SELECT case_id FROM marked)")
                            .replace("{caseRows}", "c.case_id IN (SELECT case_id FROM marked)")
                    + ", added AS (" + INSERT_STRETCHES + " RETURNING valid_from, valid_to, team, source, worker_id, "
                    + "since), s AS (SELECT *, -1 AS change FROM gone UNION ALL SELECT *, 1 FROM added) "
                    + "INSERT INTO standing_month_end (month_end, team, source, worker_id, since, n) "
                    + "SELECT m.month_end, " + GROUP + ", sum(s.change) FROM s " + MONTH_ENDS
                    + " GROUP BY m.month_end, " + GROUP + " HAVING sum(s.change) <> 0 "
                    + "ON CONFLICT (month_end, team, source, worker_id, since) "
                    + "DO UPDATE SET n = standing_month_end.n + EXCLUDED.n")
                    .setParameter("first", FIRST_MONTH_END).setParameter("last", kept == null ? FIRST_MONTH_END
                            .minusDays(1) : kept)
                    .executeUpdate();
        }
        if (kept == null || kept.isBefore(last)) {
            // Months that ended since the last refresh: counted from the stretches as they are now.
            countMonthEnds(kept == null ? FIRST_MONTH_END : kept.plusDays(1), last);
        }
        return marks;
    }

    /** The last month end whose counts are kept, or null before the first refresh. */
    public LocalDate lastMonthEndKept() {
        List<?> kept = entityManager.createNativeQuery("SELECT last_month_end FROM standing_month_end_kept")
                .getResultList();
        return kept.isEmpty() ? null : kept.get(0) instanceof java.sql.Date date ? date.toLocalDate()
                : (LocalDate) kept.get(0);
    }

    private void countMonthEnds(LocalDate first, LocalDate last) {
        if (!first.isAfter(last)) {
            entityManager.createNativeQuery(COUNT_MONTH_ENDS).setParameter("first", first).setParameter("last", last)
                    .executeUpdate();
        }
        entityManager.createNativeQuery("INSERT INTO standing_month_end_kept (id, last_month_end) VALUES (1, :last) "
                + "ON CONFLICT (id) DO UPDATE SET last_month_end = EXCLUDED.last_month_end")
                .setParameter("last", last).executeUpdate();
    }
}
