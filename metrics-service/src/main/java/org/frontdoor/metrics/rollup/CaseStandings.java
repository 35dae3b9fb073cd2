package org.frontdoor.metrics.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps {@code case_standing} (V4__case_standing.sql) equal to what the facts say: for each case the triggers
 * marked, its stretches are deleted and worked out again from its case, allocation and deallocation facts. Runs
 * inside {@link RollupRefresher#refresh()}, under its lock, so there is one writer.
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

    private static final String STRETCHES = """
            WITH move AS (
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
            )
            INSERT INTO case_standing (case_id, valid_from, valid_to, team, source, worker_id, since)
            SELECT case_id, valid_from, valid_to, team, source, worker_id, since FROM clipped
            WHERE valid_from < valid_to
            """;

    private final EntityManager entityManager;

    public CaseStandings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Brings the marked cases' stretches up to date; returns how many marks it took. */
    public int refresh() {
        Object marked = entityManager.createNativeQuery(
                "SELECT count(*) FROM (SELECT 1 FROM case_standing_dirty LIMIT " + (EVERY_CASE + 1) + ") m")
                .getSingleResult();
        int marks = ((Number) marked).intValue();
        if (marks == 0) {
            return 0;
        }
        if (marks > EVERY_CASE) {
            // A bulk load or a replay: every case again. The marks go first, so anything committed after this
            // statement's snapshot keeps its mark for the next refresh; the stretches are read later still.
            int all = entityManager.createNativeQuery("DELETE FROM case_standing_dirty").executeUpdate();
            entityManager.createNativeQuery("TRUNCATE case_standing").executeUpdate();
            entityManager.createNativeQuery(STRETCHES.replace("{cases}", "true").replace("{caseRows}", "true"))
                    .executeUpdate();
            return all;
        }
        // One statement, one snapshot: the marks taken, the marked cases' old stretches deleted, the new ones
        // inserted (the delete cannot see the inserted rows).
        entityManager.createNativeQuery("WITH marked AS (DELETE FROM case_standing_dirty RETURNING case_id), "
                + "gone AS (DELETE FROM case_standing WHERE case_id IN (SELECT case_id FROM marked)), "
                + STRETCHES.replace("{cases}", "case_id IN (SELECT case_id FROM marked)")
                        .replace("{caseRows}", "c.case_id IN (SELECT case_id FROM marked)").replaceFirst("WITH ", ""))
                .executeUpdate();
        return marks;
    }
}
