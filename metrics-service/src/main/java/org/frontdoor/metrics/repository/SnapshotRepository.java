package org.frontdoor.metrics.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.SnapshotCounts;
import org.frontdoor.metrics.rollup.AssessmentMonthEnds;
import org.frontdoor.metrics.rollup.CaseStandings;
import org.frontdoor.metrics.rollup.RollupSql;

/**
 * What the snapshot indicators (UNALLOCATED, CASELOAD, ASSESSMENTS_OVERDUE) need as at the end of {@code to}:
 * counts for the numbers, or the open items as {@link Facts} for the lists behind them. Where each case stood
 * comes from {@code case_standing} (V4__case_standing.sql), which the rollup refresher keeps up to date and runs
 * before each read; when it cannot (a rebuild holds the facts), {@link #factsFromMoves} reads the same from the
 * allocation and deallocation facts directly. Team and source filters are applied here, so the caller counts
 * these facts without a source.
 */
@ApplicationScoped
public class SnapshotRepository {

    /**
     * Each worker as at the end of {@code :to} (London): its latest update by then. A worker not yet known then
     * is not in it, and one no longer case-holding is filtered out after this, not before.
     */
    private static final String WORKERS_AT = "SELECT DISTINCT ON (worker_id) worker_id, team, fte, case_holding, "
            + "caseload_threshold FROM worker_fact WHERE updated_at < ((CAST(:to AS date) + 1)::timestamp "
            + "AT TIME ZONE 'Europe/London') ORDER BY worker_id, updated_at DESC";

    /** The stretches of the cases open at the end of {@code :to}. */
    private static final String HOLDING = " s.valid_to > :to AND s.valid_from <= :to";

    private final EntityManager entityManager;
    private final CaseStandings caseStandings;
    private final AssessmentMonthEnds assessmentMonthEnds;

    public SnapshotRepository(EntityManager entityManager, CaseStandings standings,
            AssessmentMonthEnds assessmentMonthEnds) {
        this.entityManager = entityManager;
        this.caseStandings = standings;
        this.assessmentMonthEnds = assessmentMonthEnds;
    }

    /** The snapshot counts as at the end of {@code filter.to()}, under its rule set. */
    public SnapshotCounts counts(IndicatorFilter filter, WorkingCalendar calendar) {
        return counts(filter, calendar, EnumSet.of(IndicatorCode.UNALLOCATED, IndicatorCode.CASELOAD,
                IndicatorCode.ASSESSMENTS_OVERDUE));
    }

    /** The counts the given snapshot indicators need (the others are left empty). */
    public SnapshotCounts counts(IndicatorFilter filter, WorkingCalendar calendar, Set<IndicatorCode> codes) {
        TreeMap<LocalDate, Long> waiting = new TreeMap<>();
        Map<String, Long> byWorker = new HashMap<>();
        if (codes.contains(IndicatorCode.UNALLOCATED) || codes.contains(IndicatorCode.CASELOAD)) {
            standings(filter, waiting, byWorker);
        }
        long[] assessments = codes.contains(IndicatorCode.ASSESSMENTS_OVERDUE) ? assessments(filter, calendar)
                : new long[2];
        return new SnapshotCounts(waiting, byWorker, assessments[0], assessments[1],
                codes.contains(IndicatorCode.CASELOAD) ? workers(filter.to()) : List.of());
    }

    /** The open cases at the end of {@code to}: waiting, by the date they wait since, and held, by worker. */
    private void standings(IndicatorFilter filter, Map<LocalDate, Long> waiting, Map<String, Long> byWorker) {
        // At a month end already counted, the counts kept for it; else the stretches holding then.
        String standing = monthEndKept(filter.to(), caseStandings.lastMonthEndKept())
                ? "SELECT NULLIF(s.worker_id, ''), CASE WHEN s.worker_id = '' THEN s.since END, sum(s.n) "
                        + "FROM standing_month_end s WHERE s.month_end = :to" + teamSource("s.", filter)
                        + " GROUP BY 1, 2 HAVING sum(s.n) <> 0"
                : "SELECT s.worker_id, CASE WHEN s.worker_id IS NULL THEN s.since END, count(*) "
                        + "FROM case_standing s WHERE" + HOLDING + teamSource("s.", filter) + " GROUP BY 1, 2";
        for (Object row : bind(entityManager.createNativeQuery(standing), filter).getResultList()) {
            Object[] c = (Object[]) row;
            standing(c[0], c[1], ((Number) c[2]).longValue(), waiting, byWorker);
        }
    }

    /** Counts one group of open cases: waiting since a date (no worker), or held by a worker. */
    private static void standing(Object worker, Object since, long n, Map<LocalDate, Long> waiting,
            Map<String, Long> byWorker) {
        if (worker == null) {
            waiting.merge(StepFactRepository.toDate(since), n, Long::sum);
        } else {
            byWorker.merge((String) worker, n, Long::sum);
        }
    }

    /** Whether the open cases at the end of {@code date} are counted in standing_month_end. */
    private static boolean monthEndKept(LocalDate date, LocalDate kept) {
        return date.plusDays(1).getDayOfMonth() == 1 && kept != null
                && !date.isBefore(CaseStandings.FIRST_MONTH_END) && !date.isAfter(kept);
    }

    /**
     * The counts one snapshot indicator needs at the end of each of {@code ends} (a series' step ends): the
     * month ends already counted in one query of standing_month_end, other dates and ASSESSMENTS_OVERDUE one
     * date at a time as {@link #counts} reads them.
     */
    public List<SnapshotCounts> series(IndicatorCode code, IndicatorFilter filter, List<LocalDate> ends,
            WorkingCalendar calendar) {
        List<SnapshotCounts> series = new ArrayList<>();
        if (code == IndicatorCode.ASSESSMENTS_OVERDUE) {
            return assessmentSeries(filter, ends, calendar);
        }
        LocalDate kept = caseStandings.lastMonthEndKept();
        Map<LocalDate, Map<LocalDate, Long>> waiting = new HashMap<>();
        Map<LocalDate, Map<String, Long>> byWorker = new HashMap<>();
        List<LocalDate> monthEnds = new ArrayList<>();
        for (LocalDate end : ends) {
            waiting.put(end, new TreeMap<>());
            byWorker.put(end, new HashMap<>());
            if (monthEndKept(end, kept)) {
                monthEnds.add(end);
            } else {
                standings(new IndicatorFilter(filter.from(), end, filter.team(), filter.source(), filter.ruleSet()),
                        waiting.get(end), byWorker.get(end));
            }
        }
        if (!monthEnds.isEmpty()) {
            // Only the groups the code counts, summed over what the filter leaves open: waiting cases by the
            // date they wait since for UNALLOCATED, held ones by worker for CASELOAD. The dates are unnested
            // once, not cast for every row.
            boolean unallocated = code == IndicatorCode.UNALLOCATED;
            String key = unallocated ? "s.since" : "s.worker_id";
            for (Object row : bindTeamSource(entityManager.createNativeQuery("SELECT s.month_end, " + key
                    + ", sum(s.n) FROM standing_month_end s WHERE s.month_end IN (SELECT unnest(CAST(:ends AS "
                    + "date[]))) AND s.worker_id " + (unallocated ? "= ''" : "<> ''") + teamSource("s.", filter)
                    + " GROUP BY 1, 2 HAVING sum(s.n) <> 0"), filter)
                    .setParameter("ends", RollupSql.dateArray(monthEnds)).getResultList()) {
                Object[] c = (Object[]) row;
                LocalDate end = StepFactRepository.toDate(c[0]);
                standing(unallocated ? null : c[1], unallocated ? c[1] : null, ((Number) c[2]).longValue(),
                        waiting.get(end), byWorker.get(end));
            }
        }
        for (LocalDate end : ends) {
            series.add(new SnapshotCounts(new TreeMap<>(waiting.get(end)), byWorker.get(end), 0, 0,
                    code == IndicatorCode.CASELOAD ? workers(end) : List.of()));
        }
        return series;
    }

    /** ASSESSMENTS_OVERDUE at each step end: the month ends kept in one query, other dates one at a time. */
    private List<SnapshotCounts> assessmentSeries(IndicatorFilter filter, List<LocalDate> ends,
            WorkingCalendar calendar) {
        LocalDate kept = assessmentMonthEnds.lastMonthEndKept();
        Map<LocalDate, long[]> counted = new HashMap<>();
        List<LocalDate> monthEnds = new ArrayList<>();
        for (LocalDate end : ends) {
            if (monthEndKept(end, kept)) {
                monthEnds.add(end);
                counted.put(end, new long[2]);
            }
        }
        if (!monthEnds.isEmpty()) {
            for (Object row : bindTeamSource(entityManager.createNativeQuery("SELECT a.month_end, sum(a.overdue), "
                    + "sum(a.due_soon) FROM assessment_month_end a WHERE a.month_end IN (SELECT unnest(CAST(:ends "
                    + "AS date[]))) AND a.rule_set = :ruleSet" + teamSource("a.", filter) + " GROUP BY 1"), filter)
                    .setParameter("ends", RollupSql.dateArray(monthEnds))
                    .setParameter("ruleSet", IndicatorRepository.ruleSetColumn(filter.ruleSet())).getResultList()) {
                Object[] c = (Object[]) row;
                counted.put(StepFactRepository.toDate(c[0]),
                        new long[] { ((Number) c[1]).longValue(), ((Number) c[2]).longValue() });
            }
        }
        List<SnapshotCounts> series = new ArrayList<>();
        for (LocalDate end : ends) {
            long[] assessments = counted.containsKey(end) ? counted.get(end)
                    : assessments(new IndicatorFilter(filter.from(), end, filter.team(), filter.source(),
                            filter.ruleSet()), calendar);
            series.add(new SnapshotCounts(new TreeMap<>(), Map.of(), assessments[0], assessments[1], List.of()));
        }
        return series;
    }

    /** The assessments open at the end of {@code to}: past their due date, and due within 10 working days. */
    private long[] assessments(IndicatorFilter filter, WorkingCalendar calendar) {
        if (monthEndKept(filter.to(), assessmentMonthEnds.lastMonthEndKept())) {
            // At a month end already counted, the counts kept for it.
            Object[] kept = (Object[]) bind(entityManager.createNativeQuery("SELECT COALESCE(sum(a.overdue), 0), "
                    + "COALESCE(sum(a.due_soon), 0) FROM assessment_month_end a WHERE a.month_end = :to "
                    + "AND a.rule_set = :ruleSet" + teamSource("a.", filter)), filter)
                    .setParameter("ruleSet", IndicatorRepository.ruleSetColumn(filter.ruleSet())).getSingleResult();
            return new long[] { ((Number) kept[0]).longValue(), ((Number) kept[1]).longValue() };
        }
        String due = "due_" + IndicatorRepository.ruleSetColumn(filter.ruleSet());
        // Still open, or completed after `to`: two ranges of the (completed_date) covering index, read apart so
        // that each is an index-only scan.
        String open = "SELECT " + due + " AS due FROM assessment_fact WHERE started_date <= :to"
                + stepTeamSource(filter) + " AND completed_date ";
        Object[] assessments = (Object[]) bind(entityManager.createNativeQuery("SELECT count(*) FILTER (WHERE due "
                + "< :to), count(*) FILTER (WHERE due >= :to AND due <= :soon) FROM (" + open + "IS NULL UNION ALL "
                + open + "> :to) a"), filter)
                .setParameter("soon", IndicatorRules.dueSoonUntil(filter.to(), calendar)).getSingleResult();
        return new long[] { ((Number) assessments[0]).longValue(), ((Number) assessments[1]).longValue() };
    }

    /**
     * The open cases at the end of {@code to}, each with the one move that put it where it stood then (an
     * allocation on the date it was allocated, or a deallocation leaving it waiting since its date), the
     * case-holding workers and the assessments open then.
     */
    public Facts facts(IndicatorFilter filter) {
        return standingFacts(filter, "", "", openAssessments(filter, "", ""));
    }

    /**
     * One page of the items of a snapshot indicator at the end of {@code to}, in the order the service lists
     * them (anchor date, then id): the facts of those items only, for {@link IndicatorRules} to turn into the
     * same items it makes of {@link #facts}. The database picks and orders the page, so a page over tens of
     * thousands of open cases reads only its own rows.
     */
    public Facts page(IndicatorCode code, IndicatorFilter filter, long offset, int limit) {
        String page = " ORDER BY s.since, s.case_id OFFSET " + offset + " LIMIT " + limit;
        return switch (code) {
            case UNALLOCATED -> standingFacts(filter, " AND s.worker_id IS NULL", page, List.of());
            case CASELOAD -> standingFacts(filter,
                    " AND s.worker_id IN (SELECT worker_id FROM (" + WORKERS_AT + ") w WHERE case_holding)", page,
                    List.of());
            case ASSESSMENTS_OVERDUE -> {
                String ruleSet = IndicatorRepository.ruleSetColumn(filter.ruleSet());
                yield new Facts(List.of(), List.of(), List.of(), List.of(), List.of(), openAssessments(filter,
                        " AND due_" + ruleSet + " < :to", " ORDER BY anchor_" + ruleSet + ", assessment_id OFFSET "
                                + offset + " LIMIT " + limit),
                        List.of(), List.of(), List.of());
            }
            default -> throw new IllegalArgumentException(code + " is not a snapshot");
        };
    }

    /** The open cases whose stretch holding at {@code to} matches {@code where}, as {@link #facts} gives them. */
    private Facts standingFacts(IndicatorFilter filter, String where, String page, List<Facts.Assessment> open) {
        List<Facts.Case> cases = new ArrayList<>();
        List<Facts.Allocation> allocations = new ArrayList<>();
        List<Facts.Deallocation> deallocations = new ArrayList<>();
        // The stretches are picked (and a page cut) before the join, so a page joins only its own cases.
        for (Object row : bind(entityManager.createNativeQuery("SELECT c.case_id, c.child_ref, c.team, c.source, "
                + "c.opened_at, c.referral_date, c.closed_date, c.re_referral, s.worker_id, s.since, s.valid_from "
                + "FROM (SELECT s.case_id, s.worker_id, s.since, s.valid_from FROM case_standing s WHERE" + HOLDING
                + teamSource("s.", filter) + where + page + ") s JOIN case_fact c ON c.case_id = s.case_id"),
                filter).getResultList()) {
            Object[] c = (Object[]) row;
            UUID caseId = (UUID) c[0];
            Facts.Case openCase = openCase(c);
            cases.add(openCase);
            LocalDate since = StepFactRepository.toDate(c[9]);
            if (c[8] != null) {
                allocations.add(new Facts.Allocation(caseId, (String) c[8], openCase.team(), startOf(since)));
            } else if (!since.equals(openCase.referralDate())) {
                deallocations.add(new Facts.Deallocation(caseId, null,
                        startOf(StepFactRepository.toDate(c[10])), startOf(since)));
            }
        }
        return new Facts(List.of(), cases, allocations, deallocations, workers(filter.to()), open, List.of(),
                List.of(), List.of());
    }

    /**
     * The same facts as {@link #facts}, read from the allocation and deallocation facts directly: each open
     * case with its latest allocation and latest deallocation by the end of {@code to}.
     */
    public Facts factsFromMoves(IndicatorFilter filter) {
        String teamSource = teamSource("", filter);
        String openCases = "WITH open_case AS ("
                + "SELECT case_id, child_ref, team, source, opened_at, referral_date, closed_date, re_referral "
                + "FROM case_fact WHERE opened_at IS NOT NULL AND closed_date IS NULL AND referral_date <= :to"
                + teamSource
                + " UNION ALL SELECT case_id, child_ref, team, source, opened_at, referral_date, closed_date, "
                + "re_referral FROM case_fact WHERE opened_at IS NOT NULL AND closed_date > :to "
                + "AND referral_date <= :to" + teamSource + ") ";
        List<Facts.Case> cases = new ArrayList<>();
        List<Facts.Allocation> allocations = new ArrayList<>();
        List<Facts.Deallocation> deallocations = new ArrayList<>();
        for (Object row : bind(entityManager.createNativeQuery(openCases + """
                SELECT o.case_id, o.child_ref, o.team, o.source, o.opened_at, o.referral_date, o.closed_date,
                       o.re_referral, a.worker_id, a.team, a.allocated_at, d.worker_id, d.deallocated_at,
                       d.waiting_since
                FROM open_case o
                LEFT JOIN LATERAL (SELECT worker_id, team, allocated_at FROM allocation_fact
                                   WHERE case_id = o.case_id AND allocated_date <= :to
                                   ORDER BY allocated_at DESC LIMIT 1) a ON true
                LEFT JOIN LATERAL (SELECT worker_id, deallocated_at, waiting_since FROM deallocation_fact
                                   WHERE case_id = o.case_id AND deallocated_date <= :to
                                   ORDER BY deallocated_at DESC LIMIT 1) d ON true
                """), filter).getResultList()) {
            Object[] c = (Object[]) row;
            UUID caseId = (UUID) c[0];
            cases.add(openCase(c));
            if (c[10] != null) {
                allocations.add(new Facts.Allocation(caseId, (String) c[8], (String) c[9],
                        CaseFactRepository.toInstant(c[10])));
            }
            if (c[12] != null) {
                deallocations.add(new Facts.Deallocation(caseId, (String) c[11], CaseFactRepository.toInstant(c[12]),
                        c[13] == null ? null : CaseFactRepository.toInstant(c[13])));
            }
        }
        return new Facts(List.of(), cases, allocations, deallocations, workers(filter.to()),
                openAssessments(filter, "", ""), List.of(), List.of(), List.of());
    }

    private static Facts.Case openCase(Object[] c) {
        return new Facts.Case((UUID) c[0], (String) c[1], (String) c[2], (String) c[3],
                CaseFactRepository.toInstant(c[4]), StepFactRepository.toDate(c[5]), Boolean.TRUE.equals(c[7]),
                StepFactRepository.toDate(c[6]), null);
    }

    /** An instant on the given London date (its start), standing for a move made that day. */
    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(WorkingCalendar.LONDON).toInstant();
    }

    /** The case-holding workers at the end of {@code to}, each as its latest update by then left it. */
    private List<Facts.Worker> workers(LocalDate to) {
        List<Facts.Worker> workers = new ArrayList<>();
        for (Object row : entityManager.createNativeQuery("SELECT worker_id, team, fte, case_holding, "
                + "caseload_threshold FROM (" + WORKERS_AT + ") w WHERE case_holding").setParameter("to", to)
                .getResultList()) {
            Object[] w = (Object[]) row;
            workers.add(new Facts.Worker((String) w[0], (String) w[1], (BigDecimal) w[2], (Boolean) w[3],
                    (BigDecimal) w[4]));
        }
        return workers;
    }

    /** The assessments open at the end of {@code to} that match {@code where}, with {@code page} appended. */
    private List<Facts.Assessment> openAssessments(IndicatorFilter filter, String where, String page) {
        List<Facts.Assessment> assessments = new ArrayList<>();
        for (Object row : bind(entityManager.createNativeQuery("SELECT assessment_id, case_id, child_ref, team, kind, "
                + "referral_date, started_at, completed_at FROM assessment_fact "
                + "WHERE (completed_date IS NULL OR completed_date > :to) AND started_date <= :to"
                + stepTeamSource(filter) + where + page), filter).getResultList()) {
            Object[] a = (Object[]) row;
            assessments.add(new Facts.Assessment((UUID) a[0], (UUID) a[1], (String) a[2], (String) a[3],
                    AssessmentKind.valueOf((String) a[4]), StepFactRepository.toDate(a[5]),
                    CaseFactRepository.toInstant(a[6]), a[7] == null ? null : CaseFactRepository.toInstant(a[7])));
        }
        return assessments;
    }

    private static String teamSource(String alias, IndicatorFilter filter) {
        return (filter.team() == null ? "" : " AND " + alias + "team = :team")
                + (filter.source() == null ? "" : " AND " + alias + "source = :source");
    }

    /** A step has no source of its own: it takes its case's. */
    private static String stepTeamSource(IndicatorFilter filter) {
        return (filter.team() == null ? "" : " AND team = :team")
                + (filter.source() == null ? ""
                        : " AND case_id IN (SELECT case_id FROM case_fact WHERE source = :source)");
    }

    private static Query bind(Query query, IndicatorFilter filter) {
        query.setParameter("to", filter.to());
        return bindTeamSource(query, filter);
    }

    private static Query bindTeamSource(Query query, IndicatorFilter filter) {
        if (filter.team() != null) {
            query.setParameter("team", filter.team());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        return query;
    }
}
