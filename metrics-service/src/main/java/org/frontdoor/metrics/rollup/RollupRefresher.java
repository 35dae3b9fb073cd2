package org.frontdoor.metrics.rollup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.frontdoor.metrics.repository.IndicatorRepository;
import org.frontdoor.metrics.repository.StepFactRepository;
import org.jboss.logging.Logger;

/**
 * Brings the indicator rollups up to date with the facts: recomputes, from the facts, the day rows of every
 * day the triggers marked stale (V3__indicator_rollups.sql), then the months holding them from the day rows,
 * and the standings of the cases marked (V4__case_standing.sql, {@link CaseStandings}) and the month-end counts
 * of open assessments ({@link AssessmentMonthEnds}) for the snapshots.
 * One refresher at a time (an advisory lock); it runs in the background every
 * {@code frontdoor.rollups.refresh} and before every answer read from the rollups, so an answer is
 * exact as of its read. A fact committed while a refresh runs marks its day again, for the next one.
 */
@ApplicationScoped
public class RollupRefresher {

    private static final Logger LOG = Logger.getLogger(RollupRefresher.class);
    /** The advisory lock key of the refresh ("rollup" in ASCII). */
    private static final long LOCK = 0x726f6c6c7570L;

    /** What one refresh did. */
    public record Refresh(int days, int cases, long millis) {
    }

    static final RollupSql SQL = new RollupSql(IndicatorRepository.periodDefinitions());
    /** Above this many stale days of a table, every day of it is recomputed. */
    private static final int EVERY_DAY = 200;

    /**
     * Above this many events applied per second since the last background run, the consumer is catching up on a
     * backlog (a replay, a rebuild, a restart after downtime): the background refresh waits, so that it does not
     * recompute every day again and again on the cores the consumer needs. Answers still refresh first, so they
     * stay exact; live traffic (hundreds of events a second at most) never pauses it.
     */
    static final double CATCH_UP_EVENTS_PER_SECOND = 2_000;

    private final EntityManager entityManager;
    private final CaseStandings standings;
    private final AssessmentMonthEnds assessmentMonthEnds;
    private final MeterRegistry registry;
    /** A background refresh longer than this rests the next ones (see {@link #background()}). */
    private static final long REST_AFTER_NANOS = 2_000_000_000L;

    private double lastApplied = -1;
    private long restUntil;
    private long lastRun;

    public RollupRefresher(EntityManager entityManager, CaseStandings standings,
            AssessmentMonthEnds assessmentMonthEnds, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.standings = standings;
        this.assessmentMonthEnds = assessmentMonthEnds;
        this.registry = registry;
    }

    @Scheduled(every = "${frontdoor.rollups.refresh}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void background() {
        if (catchingUp() || System.nanoTime() < restUntil) {
            return;
        }
        try {
            long started = System.nanoTime();
            Refresh refresh = refresh();
            // A long refresh (a bulk load's full pass) rests the background for four times as long, so that a
            // load still under way is not recomputed again and again; answers still refresh first.
            long took = System.nanoTime() - started;
            restUntil = took > REST_AFTER_NANOS ? System.nanoTime() + 4 * took : 0;
            if (refresh.days() > 0 || refresh.cases() > 0) {
                LOG.debugf("Rolled up %d stale days and %d cases' standings in %d ms", refresh.days(),
                        refresh.cases(), refresh.millis());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Indicator rollup refresh failed, retried on the next run: %s", e.toString());
        }
    }

    /** Whether the consumer applied events faster than live traffic does since the last background run. */
    private boolean catchingUp() {
        double applied = registry.find("frontdoor.consumer.events").tag("outcome", "applied").counters().stream()
                .mapToDouble(Counter::count).sum();
        long now = System.nanoTime();
        boolean catchingUp = lastApplied >= 0 && now > lastRun
                && (applied - lastApplied) * 1e9 / (now - lastRun) > CATCH_UP_EVENTS_PER_SECOND;
        lastApplied = applied;
        lastRun = now;
        return catchingUp;
    }

    /** Recomputes every stale day and month; commits on return. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 3600)
    public Refresh refresh() {
        long start = System.nanoTime();
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        // A rebuild (service/FactRebuild) locks fact_build before it truncates the facts; taking it first
        // here too orders the two, so they never deadlock over the fact tables.
        entityManager.createNativeQuery("LOCK TABLE fact_build IN ROW SHARE MODE").executeUpdate();
        if (SQL.markSteps() != null) {
            entityManager.createNativeQuery(SQL.markSteps()).executeUpdate();
        }
        Map<String, Set<LocalDate>> stale = new TreeMap<>();
        // A bulk load marks the same days once per statement, millions of marks: only the distinct ones come back.
        for (Object row : entityManager.createNativeQuery("WITH taken AS (DELETE FROM rollup_dirty RETURNING "
                + "fact_table, day) SELECT DISTINCT fact_table, day FROM taken").getResultList()) {
            Object[] columns = (Object[]) row;
            stale.computeIfAbsent((String) columns[0], t -> new TreeSet<>())
                    .add(StepFactRepository.toDate(columns[1]));
        }
        int days = 0;
        for (Map.Entry<String, Set<LocalDate>> table : stale.entrySet()) {
            if (SQL.tables().contains(table.getKey())) {
                refresh(table.getKey(), table.getValue());
                days += table.getValue().size();
            }
        }
        int cases = standings.refresh();
        assessmentMonthEnds.refresh();
        return new Refresh(days, cases, (System.nanoTime() - start) / 1_000_000);
    }

    private void refresh(String table, Set<LocalDate> days) {
        // Most days of a table stale (a bulk load, a rebuild's replay): recompute all of them in one pass.
        boolean all = days.size() > EVERY_DAY;
        String dayArray = RollupSql.dateArray(days);
        Set<LocalDate> monthSet = days.stream().map(d -> d.withDayOfMonth(1))
                .collect(Collectors.toCollection(TreeSet::new));
        for (String kind : List.of("indicator", "indicator_hist")) {
            boolean hist = kind.equals("indicator_hist");
            String match = all ? RollupSql.everyDay() : RollupSql.someDays();
            List<String> inserts = hist ? SQL.histInserts(table, match) : SQL.dayInserts(table, match);
            if (inserts.isEmpty()) {
                continue;
            }
            bindDays(entityManager.createNativeQuery("DELETE FROM " + kind + "_day WHERE fact_table = :table"
                    + (all ? "" : " AND day " + RollupSql.someDays())).setParameter("table", table), all, dayArray)
                    .executeUpdate();
            for (String insert : inserts) {
                bindDays(entityManager.createNativeQuery(insert), all, dayArray).executeUpdate();
            }
            roll(kind, "day", "month", table, all, days, hist);
            roll(kind, "month", "year", table, all, monthSet, hist);
        }
    }

    /** Replaces the rows of the {@code upper} level (month, year) holding {@code changed} from the lower one. */
    private void roll(String kind, String lower, String upper, String table, boolean all, Set<LocalDate> changed,
            boolean hist) {
        TreeSet<LocalDate> periods = changed.stream()
                .map(d -> upper.equals("year") ? d.withDayOfYear(1) : d.withDayOfMonth(1))
                .collect(Collectors.toCollection(TreeSet::new));
        String array = RollupSql.dateArray(periods);
        bindDays(entityManager.createNativeQuery("DELETE FROM " + kind + "_" + upper + " WHERE fact_table = :table"
                + (all ? "" : " AND " + upper + " = ANY(CAST(:days AS date[]))")).setParameter("table", table), all,
                array).executeUpdate();
        String values = hist ? "working_days, sum(n)" : "sum(items), sum(numerator)";
        String columns = hist ? "working_days, n" : "items, numerator";
        String truncated = "date_trunc('" + upper + "', " + lower + ")::date";
        Query rows = bindDays(entityManager.createNativeQuery("INSERT INTO " + kind + "_" + upper + " (fact_table, "
                + "code, rule_set, " + upper + ", team, source, " + columns + ") SELECT fact_table, code, rule_set, "
                + truncated + ", team, source, " + values + " FROM " + kind + "_" + lower + " WHERE fact_table = :table"
                + (all ? "" : " AND " + lower + " >= :first AND " + lower + " < :end AND " + truncated
                        + " = ANY(CAST(:days AS date[]))")
                + " GROUP BY fact_table, code, rule_set, " + truncated + ", team, source"
                + (hist ? ", working_days" : "")).setParameter("table", table), all, array);
        if (!all) {
            rows.setParameter("first", periods.first()).setParameter("end",
                    upper.equals("year") ? periods.last().plusYears(1) : periods.last().plusMonths(1));
        }
        rows.executeUpdate();
    }

    private static Query bindDays(Query query, boolean all, String days) {
        return all ? query : query.setParameter("days", days);
    }

    /** A PostgreSQL date array literal of dates this service produced (never a request's text). */}
