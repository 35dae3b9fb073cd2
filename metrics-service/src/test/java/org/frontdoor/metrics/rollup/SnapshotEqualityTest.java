package org.frontdoor.metrics.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorItem;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.Interval;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.domain.SnapshotCounts;
import org.frontdoor.metrics.repository.SnapshotRepository;
import org.junit.jupiter.api.Test;

/**
 * The snapshot indicators as at any date read from the case standings (counted in SQL, or as items) are exactly
 * what IndicatorRules makes of the latest allocation and deallocation of each open case by then, read from
 * those facts directly: moves before the referral, several moves on one day, an allocation and a deallocation at
 * the same instant, waiting since a deallocation's date or the referral's, closures, cases never opened, moves
 * changed or deleted later, teams and sources changing, for random dates, teams, sources and rule sets. Half
 * the dates are month ends, whose counts are kept apart (standing_month_end) and changed with every stretch.
 */
@QuarkusTest
class SnapshotEqualityTest {

    private static final String[] TEAMS = { "st-a", "st-b", "st-c" };
    private static final String[] SOURCES = { "1A", "2A", "6", null };
    private static final LocalDate FIRST = LocalDate.parse("2024-01-02");
    private static final int DAYS = 400;
    private static final List<IndicatorCode> SNAPSHOTS = List.of(IndicatorCode.UNALLOCATED, IndicatorCode.CASELOAD,
            IndicatorCode.ASSESSMENTS_OVERDUE);

    @Inject
    DataSource dataSource;

    @Inject
    SnapshotRepository snapshots;

    @Inject
    RollupRefresher refresher;

    @Inject
    WorkingCalendar calendar;

    @Test
    void standingsAgreeWithTheMovesAfterEveryKindOfChange() throws SQLException {
        Random random = new Random(11);
        workers();
        // Moves first (another topic may be ahead), then their cases, then more moves and assessments.
        moves(random, 0, 300);
        compare(random, 20);
        cases(random, 0, 400);
        compare(random, 40);
        moves(random, 300, 400);
        assessments(random, 0, 400);
        compare(random, 40);
        // Moves shifted across days, some deleted, closures moved, a team and sources changed.
        sql("UPDATE allocation_fact SET allocated_at = allocated_at + interval '3 days', "
                + "allocated_date = allocated_date + 3 WHERE worker_id = 'st-w-3'");
        sql("DELETE FROM deallocation_fact WHERE case_id IN (SELECT case_id FROM case_fact WHERE child_ref = 'st-7')");
        sql("UPDATE case_fact SET closed_date = CASE WHEN closed_date IS NULL THEN referral_date + 90 END, "
                + "closed_at = CASE WHEN closed_at IS NULL THEN opened_at + interval '90 days' END "
                + "WHERE child_ref IN ('st-1', 'st-4')");
        sql("UPDATE case_fact SET team = 'st-c', source = CASE WHEN source IS NULL THEN '6' END "
                + "WHERE child_ref = 'st-2'");
        sql("UPDATE case_fact SET opened_at = NULL WHERE child_ref = 'st-5'");
        sql("UPDATE worker_fact SET case_holding = NOT case_holding WHERE worker_id = 'st-w-1'");
        // Only cases changed so far: their assessments' month ends are counted again for the new sources.
        assessmentsAtEveryMonthEnd();
        // Assessments completed later, reopened and deleted: the month ends they were open at are counted again.
        sql("UPDATE assessment_fact SET completed_date = completed_date + 45, completed_at = "
                + "((completed_date + 45) + time '12:00') AT TIME ZONE 'Europe/London' "
                + "WHERE child_ref IN ('st-1', 'st-8') AND completed_date IS NOT NULL");
        sql("UPDATE assessment_fact SET completed_date = NULL, completed_at = NULL WHERE child_ref = 'st-6'");
        sql("DELETE FROM assessment_fact WHERE child_ref = 'st-9'");
        compare(random, 60);
        assessmentsAtEveryMonthEnd();
        // One assessment completed ten days later: the few month ends it covers are read one at a time.
        sql("UPDATE assessment_fact SET completed_date = completed_date + 10, completed_at = "
                + "((completed_date + 10) + time '12:00') AT TIME ZONE 'Europe/London' WHERE assessment_id = "
                + "(SELECT assessment_id FROM assessment_fact WHERE child_ref = 'st-3' AND completed_date IS NOT NULL "
                + "AND due_wt2023 < completed_date ORDER BY assessment_id LIMIT 1)");
        assessmentsAtEveryMonthEnd();
        Indicator unallocated = snapshot(IndicatorCode.UNALLOCATED,
                new IndicatorFilter(FIRST, FIRST.plusDays(200), "st-a", null, RuleSets.WT2023));
        Indicator caseload = snapshot(IndicatorCode.CASELOAD,
                new IndicatorFilter(FIRST, FIRST.plusDays(200), "st-a", null, RuleSets.WT2023));
        assertTrue(unallocated.numerator() > 5, "open cases wait in the middle of the period: " + unallocated);
        assertTrue(caseload.numerator() > 5, "open cases are held in the middle of the period: " + caseload);
    }

    /**
     * CASELOAD as at a date counts the workers as they were at the end of it: a worker known only later is not
     * there, and FTE, case holding and team come from the worker's latest update by then.
     */
    @Test
    void caseloadAtADateCountsTheWorkersAsTheyWereThen() throws SQLException {
        String team = "st-then";
        sql("INSERT INTO worker_fact (worker_id, team, fte, case_holding, caseload_threshold, updated_at) VALUES "
                // Known from the London date 1 February with an own threshold of 0.5 cases per FTE, part time
                // from June under the default threshold, not case-holding from 2 September.
                + "('st-then-w', '" + team + "', 1.00, true, 0.50, TIMESTAMPTZ '2024-02-01 00:00Z'), "
                + "('st-then-w', '" + team + "', 0.50, true, NULL, TIMESTAMPTZ '2024-06-01 08:00Z'), "
                + "('st-then-w', '" + team + "', 0.50, false, NULL, TIMESTAMPTZ '2024-09-02 08:00Z'), "
                // In another team, then in this one from the London date 1 July (00:30 BST, 23:30 UTC on 30 June).
                + "('st-then-v', 'st-b', 1.00, true, NULL, TIMESTAMPTZ '2024-01-01 09:00Z'), "
                + "('st-then-v', '" + team + "', 1.00, true, NULL, TIMESTAMPTZ '2024-06-30 23:30Z')");
        UUID held = UUID.nameUUIDFromBytes("st-then-case".getBytes());
        sql("INSERT INTO case_fact (case_id, child_ref, team, source, opened_at, referral_date, re_referral) "
                + "VALUES ('" + held + "', 'st-then-1', '" + team + "', '6', TIMESTAMPTZ '2024-01-10 10:00Z', "
                + "DATE '2024-01-10', false)");
        sql("INSERT INTO allocation_fact (case_id, allocated_at, worker_id, team, allocated_date, "
                + "threshold_overridden) VALUES ('" + held + "', TIMESTAMPTZ '2024-01-15 10:00Z', 'st-then-w', '"
                + team + "', DATE '2024-01-15', false)");
        refresher.refresh();
        // Before the worker is known, its case counts for no one and the team has no workers.
        assertCaseload(team, "2024-01-31", 0, "0.00", 0, 0);
        // One case per FTE, over the worker's own threshold then.
        assertCaseload(team, "2024-03-15", 1, "1.00", 1, 1);
        assertCaseload(team, "2024-03-31", 1, "1.00", 1, 1);
        // Part time, two cases per FTE, under the default threshold.
        assertCaseload(team, "2024-06-15", 1, "0.50", 1, 0);
        assertCaseload(team, "2024-06-30", 1, "0.50", 1, 0);
        assertCaseload(team, "2024-07-01", 1, "1.50", 2, 0);
        assertCaseload(team, "2024-09-01", 1, "1.50", 2, 0);
        // No longer case-holding: the case counts for no one, and the worker not at all.
        assertCaseload(team, "2024-09-30", 0, "1.00", 1, 0);
        // A series reads each step's workers too, month ends and other dates alike.
        QuarkusTransaction.requiringNew().run(() -> {
            IndicatorFilter filter = new IndicatorFilter(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-09-30"),
                    team, null, RuleSets.WT2023);
            List<LocalDate> ends = List.of(LocalDate.parse("2024-01-31"), LocalDate.parse("2024-06-15"),
                    LocalDate.parse("2024-07-31"), LocalDate.parse("2024-09-30"));
            List<SnapshotCounts> series = snapshots.series(IndicatorCode.CASELOAD, filter, ends, calendar);
            IndicatorRules none = new IndicatorRules(Facts.NONE, calendar, LocalTargets.DEFAULT);
            for (int i = 0; i < ends.size(); i++) {
                IndicatorFilter step = new IndicatorFilter(filter.from(), ends.get(i), team, null, RuleSets.WT2023);
                assertEquals(snapshot(IndicatorCode.CASELOAD, step), none.snapshot(IndicatorCode.CASELOAD, step,
                        series.get(i)), "CASELOAD series step " + ends.get(i));
            }
            // The items are the held case while its worker is case-holding.
            IndicatorFilter june = new IndicatorFilter(filter.from(), LocalDate.parse("2024-06-15"), team, null,
                    RuleSets.WT2023);
            assertEquals(1, new IndicatorRules(snapshots.page(IndicatorCode.CASELOAD, june, 0, 10), calendar,
                    LocalTargets.DEFAULT).answer(IndicatorCode.CASELOAD, june).items().size());
            IndicatorFilter october = new IndicatorFilter(filter.from(), LocalDate.parse("2024-09-30"), team, null,
                    RuleSets.WT2023);
            assertEquals(0, new IndicatorRules(snapshots.page(IndicatorCode.CASELOAD, october, 0, 10), calendar,
                    LocalTargets.DEFAULT).answer(IndicatorCode.CASELOAD, october).items().size());
        });
    }

    private void assertCaseload(String team, String to, long cases, String fte, int workers, int over) {
        IndicatorFilter filter = new IndicatorFilter(LocalDate.parse(to).minusMonths(1), LocalDate.parse(to), team,
                null, RuleSets.WT2023);
        Indicator caseload = snapshot(IndicatorCode.CASELOAD, filter);
        assertEquals(cases, caseload.numerator(), "cases held at " + to + ": " + caseload);
        assertEquals(new BigDecimal(fte), caseload.measures().get("fte"), "FTE at " + to + ": " + caseload);
        assertEquals(workers, caseload.measures().get("workers"), "workers at " + to + ": " + caseload);
        assertEquals(over, caseload.measures().get("workersOverThreshold"), "over threshold at " + to);
    }

    private void compare(Random random, int filters) {
        refresher.refresh();
        for (int n = 0; n < filters; n++) {
            LocalDate to = FIRST.plusDays(random.nextInt(DAYS + 60) - 20);
            if (n == 0) {
                to = LocalDate.now(WorkingCalendar.LONDON);
            } else if (n % 2 == 0) {
                // A month end: read from the counts kept for it.
                to = to.withDayOfMonth(to.lengthOfMonth());
            }
            // Always one of this test's teams: other tests' events may still be landing in the others.
            String team = TEAMS[random.nextInt(TEAMS.length)];
            String source = random.nextInt(3) == 0 ? null : SOURCES[random.nextInt(SOURCES.length - 1)];
            RuleSet ruleSet = random.nextBoolean() ? RuleSets.WT2023 : RuleSets.WT2010;
            IndicatorFilter filter = new IndicatorFilter(to.minusYears(1), to, team, source, ruleSet);
            IndicatorFilter counted = new IndicatorFilter(filter.from(), to, team, null, ruleSet);
            QuarkusTransaction.requiringNew().run(() -> {
                IndicatorRules moves = new IndicatorRules(snapshots.factsFromMoves(filter), calendar,
                        LocalTargets.DEFAULT);
                IndicatorRules standings = new IndicatorRules(snapshots.facts(filter), calendar, LocalTargets.DEFAULT);
                IndicatorRules none = new IndicatorRules(Facts.NONE, calendar, LocalTargets.DEFAULT);
                var counts = snapshots.counts(filter, calendar);
                for (IndicatorCode code : SNAPSHOTS) {
                    IndicatorRules.Answer expected = moves.answer(code, counted);
                    IndicatorRules.Answer items = standings.answer(code, counted);
                    assertEquals(expected.indicator(), items.indicator(), code + " from standings for " + filter);
                    assertEquals(expected.items(), items.items(), code + " items from standings for " + filter);
                    assertEquals(expected.indicator(), none.snapshot(code, counted, counts),
                            code + " counted in SQL for " + filter);
                    assertEquals(expected.items(), pages(code, filter, counted, 1 + random.nextInt(7)),
                            code + " items a page at a time for " + filter);
                }
            });
        }
        series(random);
    }

    /**
     * ASSESSMENTS_OVERDUE at every month end of the data, for every team, source and rule set, from the counts
     * kept for month ends, equals what the open assessments give.
     */
    private void assessmentsAtEveryMonthEnd() {
        refresher.refresh();
        QuarkusTransaction.requiringNew().run(() -> {
            IndicatorRules none = new IndicatorRules(Facts.NONE, calendar, LocalTargets.DEFAULT);
            for (LocalDate m = FIRST.withDayOfMonth(FIRST.lengthOfMonth()); m.isBefore(FIRST.plusDays(DAYS + 120));
                    m = m.plusMonths(1).withDayOfMonth(m.plusMonths(1).lengthOfMonth())) {
                for (String team : TEAMS) {
                    for (String source : SOURCES) {
                        for (RuleSet ruleSet : RuleSets.all()) {
                            IndicatorFilter filter = new IndicatorFilter(m.minusMonths(1), m, team, source, ruleSet);
                            IndicatorFilter counted = new IndicatorFilter(filter.from(), m, team, null, ruleSet);
                            assertEquals(new IndicatorRules(snapshots.facts(filter), calendar, LocalTargets.DEFAULT)
                                    .answer(IndicatorCode.ASSESSMENTS_OVERDUE, counted).indicator(),
                                    none.snapshot(IndicatorCode.ASSESSMENTS_OVERDUE, counted, snapshots.counts(filter,
                                            calendar, EnumSet.of(IndicatorCode.ASSESSMENTS_OVERDUE))),
                                    "ASSESSMENTS_OVERDUE kept for " + filter);
                        }
                    }
                }
            }
        });
    }

    /** Every page of one snapshot's items, each read on its own, end to end. */
    private List<IndicatorItem> pages(IndicatorCode code, IndicatorFilter filter, IndicatorFilter counted, int size) {
        List<IndicatorItem> all = new ArrayList<>();
        for (int offset = 0;; offset += size) {
            List<IndicatorItem> page = new IndicatorRules(snapshots.page(code, filter, offset, size), calendar,
                    LocalTargets.DEFAULT).answer(code, counted).items();
            assertTrue(page.size() <= size, "a page holds at most its size");
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
        }
    }

    /**
     * Each snapshot's series (month ends, weeks, days, and steps before and after every fact) read together
     * equals the counts read one step at a time.
     */
    private void series(Random random) {
        for (int n = 0; n < 6; n++) {
            LocalDate from = FIRST.plusDays(random.nextInt(DAYS) - 40);
            List<LocalDate> ends = new ArrayList<>();
            Interval interval = Interval.values()[n % Interval.values().length];
            for (Interval.Step step : interval.split(from, from.plusDays(60 + random.nextInt(DAYS)))) {
                ends.add(step.to());
            }
            if (n == 5) {
                // Every day of three months, weekends and bank holidays included.
                ends = from.datesUntil(from.plusDays(90)).toList();
            }
            String team = TEAMS[random.nextInt(TEAMS.length)];
            String source = random.nextInt(3) == 0 ? null : SOURCES[random.nextInt(SOURCES.length - 1)];
            RuleSet ruleSet = random.nextBoolean() ? RuleSets.WT2023 : RuleSets.WT2010;
            IndicatorFilter filter = new IndicatorFilter(from, ends.get(ends.size() - 1), team, source, ruleSet);
            List<LocalDate> steps = ends;
            QuarkusTransaction.requiringNew().run(() -> {
                IndicatorRules none = new IndicatorRules(Facts.NONE, calendar, LocalTargets.DEFAULT);
                for (IndicatorCode code : SNAPSHOTS) {
                    List<SnapshotCounts> series = snapshots.series(code, filter, steps, calendar);
                    for (int i = 0; i < steps.size(); i++) {
                        IndicatorFilter step = new IndicatorFilter(filter.from(), steps.get(i), team, null, ruleSet);
                        IndicatorFilter read = new IndicatorFilter(filter.from(), steps.get(i), team, source,
                                ruleSet);
                        assertEquals(none.snapshot(code, step, snapshots.counts(read, calendar, EnumSet.of(code))),
                                none.snapshot(code, step, series.get(i)), code + " series step " + read);
                    }
                }
            });
        }
    }

    private Indicator snapshot(IndicatorCode code, IndicatorFilter filter) {
        return QuarkusTransaction.requiringNew().call(() -> new IndicatorRules(Facts.NONE, calendar,
                LocalTargets.DEFAULT).snapshot(code, filter, snapshots.counts(filter, calendar)));
    }

    private static UUID caseId(int i) {
        return UUID.nameUUIDFromBytes(("st-case-" + i).getBytes());
    }

    private static LocalDate referral(int i) {
        return FIRST.plusDays((i * 37L) % DAYS);
    }

    private static Instant at(LocalDate date, Random random) {
        return date.atTime(LocalTime.of(random.nextInt(24), random.nextInt(4) * 15))
                .atZone(WorkingCalendar.LONDON).toInstant();
    }

    private void workers() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO worker_fact (worker_id, team, fte, case_holding, caseload_threshold, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, TIMESTAMPTZ '2020-01-01 09:00Z')")) {
            for (int w = 0; w < 8; w++) {
                s.setString(1, "st-w-" + w);
                s.setString(2, TEAMS[w % TEAMS.length]);
                s.setBigDecimal(3, w % 3 == 0 ? new BigDecimal("0.50") : BigDecimal.ONE);
                s.setBoolean(4, w != 6);
                s.setBigDecimal(5, w % 4 == 0 ? new BigDecimal("5.00") : null);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Cases i in [from, to): one in 11 never opened, about half closed within 20 to 200 days. */
    private void cases(Random random, int from, int to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO case_fact (case_id, child_ref, team, source, opened_at, referral_date, re_referral, "
                        + "closed_at, closed_date) VALUES (?, ?, ?, ?, ?, ?, false, ?, ?)")) {
            for (int i = from; i < to; i++) {
                LocalDate referral = referral(i);
                Instant opened = at(referral, random);
                LocalDate closed = random.nextBoolean() ? referral.plusDays(20 + random.nextInt(180)) : null;
                s.setObject(1, caseId(i));
                s.setString(2, "st-" + (i % 10));
                s.setString(3, TEAMS[random.nextInt(TEAMS.length)]);
                s.setString(4, SOURCES[random.nextInt(SOURCES.length)]);
                s.setTimestamp(5, i % 11 == 0 ? null : Timestamp.from(opened));
                s.setDate(6, Date.valueOf(referral));
                s.setTimestamp(7, closed == null ? null : Timestamp.from(at(closed, random)));
                s.setDate(8, closed == null ? null : Date.valueOf(closed));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Up to four moves for each case i in [from, to), from a few days before its referral: allocations to
     * random workers and deallocations waiting since their own day, the referral, or no date; some on one day,
     * one in seven cases with an allocation and a deallocation at the same instant.
     */
    private void moves(Random random, int from, int to) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement allocate = c.prepareStatement("INSERT INTO allocation_fact (case_id, allocated_at, "
                        + "worker_id, team, allocated_date, threshold_overridden) VALUES (?, ?, ?, 'st-a', ?, false) "
                        + "ON CONFLICT DO NOTHING");
                PreparedStatement deallocate = c.prepareStatement("INSERT INTO deallocation_fact (case_id, "
                        + "deallocated_at, worker_id, team, deallocated_date, reason, waiting_since) "
                        + "VALUES (?, ?, 'st-w-0', 'st-a', ?, 'REASSIGNED', ?) ON CONFLICT DO NOTHING")) {
            for (int i = from; i < to; i++) {
                LocalDate day = referral(i).minusDays(random.nextInt(4));
                int moves = random.nextInt(5);
                for (int m = 0; m < moves; m++) {
                    day = day.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(60));
                    Instant when = at(day, random);
                    boolean allocation = m % 2 == 0 || random.nextInt(4) == 0;
                    if (allocation || i % 7 == 0) {
                        allocate.setObject(1, caseId(i));
                        allocate.setTimestamp(2, Timestamp.from(when));
                        allocate.setString(3, "st-w-" + random.nextInt(8));
                        allocate.setDate(4, Date.valueOf(day));
                        allocate.addBatch();
                    }
                    if (!allocation || i % 7 == 0) {
                        Instant waitingSince = switch (random.nextInt(3)) {
                            case 0 -> when;
                            case 1 -> at(referral(i), random);
                            default -> null;
                        };
                        deallocate.setObject(1, caseId(i));
                        deallocate.setTimestamp(2, Timestamp.from(when));
                        deallocate.setDate(3, Date.valueOf(day));
                        deallocate.setTimestamp(4, waitingSince == null ? null : Timestamp.from(waitingSince));
                        deallocate.addBatch();
                    }
                }
            }
            allocate.executeBatch();
            deallocate.executeBatch();
        }
    }

    /** One assessment per case i in [from, to), its clocks worked out as the consumer does; two in three done. */
    private void assessments(Random random, int from, int to) throws SQLException {
        List<Facts.Assessment> assessments = new ArrayList<>();
        for (int i = from; i < to; i++) {
            LocalDate referral = referral(i);
            Instant started = at(referral.plusDays(random.nextInt(5)), random);
            Instant completed = i % 3 == 0 ? null : at(referral.plusDays(10 + random.nextInt(80)), random);
            assessments.add(new Facts.Assessment(UUID.nameUUIDFromBytes(("st-assessment-" + i).getBytes()),
                    caseId(i), "st-" + (i % 10), TEAMS[i % TEAMS.length],
                    AssessmentKind.values()[i % AssessmentKind.values().length], referral, started, completed));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO assessment_fact (assessment_id, case_id, child_ref, team, kind, referral_date, started_at, "
                        + "started_date, completed_at, completed_date, anchor_wt2023, due_wt2023, anchor_wt2010, "
                        + "due_wt2010) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Facts.Assessment a : assessments) {
                s.setObject(1, a.id());
                s.setObject(2, a.caseId());
                s.setString(3, a.childRef());
                s.setString(4, a.team());
                s.setString(5, a.kind().name());
                s.setDate(6, Date.valueOf(a.referralDate()));
                s.setTimestamp(7, Timestamp.from(a.startedAt()));
                s.setDate(8, Date.valueOf(a.startedDate()));
                s.setTimestamp(9, a.completedAt() == null ? null : Timestamp.from(a.completedAt()));
                s.setDate(10, a.completedAt() == null ? null : Date.valueOf(a.completedDate()));
                s.setDate(11, Date.valueOf(a.anchor(RuleSets.WT2023)));
                s.setDate(12, Date.valueOf(a.due(RuleSets.WT2023, calendar)));
                s.setDate(13, Date.valueOf(a.anchor(RuleSets.WT2010)));
                s.setDate(14, Date.valueOf(a.due(RuleSets.WT2010, calendar)));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
