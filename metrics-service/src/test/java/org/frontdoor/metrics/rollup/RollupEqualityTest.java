package org.frontdoor.metrics.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.repository.IndicatorRepository;
import org.junit.jupiter.api.Test;

/**
 * The rollups answer every period indicator exactly as the direct aggregate over the facts does, whatever
 * statements changed the facts: multi-row inserts and upserts, updates that move an item to another day,
 * month or year, change a case's source or team, deletes, steps before their case, cases without a source,
 * both rule sets; for random periods (whole months, edges, years), teams and sources.
 */
@QuarkusTest
class RollupEqualityTest {

    private static final String[] TEAMS = { "rt-a", "rt-b", "rt-c" };
    private static final String[] SOURCES = { "1A", "2A", "6", "9" };
    private static final LocalDate FIRST = LocalDate.parse("2023-10-20");
    private static final LocalDate LAST = LocalDate.parse("2025-03-10");

    @Inject
    DataSource dataSource;

    @Inject
    IndicatorRepository repository;

    @Inject
    IndicatorRollups rollups;

    @Inject
    RollupRefresher refresher;

    @Test
    void rollupsAgreeWithTheFactsAfterEveryKindOfChange() throws SQLException {
        Random random = new Random(7);
        // Steps first, before the cases they belong to (their source is unknown until the case comes).
        sql(steps("rt-case-", 0, 900));
        compare(random, 40);
        // The cases, some with no source, in several multi-row statements; contacts.
        sql(cases(0, 600));
        sql(contacts(0, 1500));
        compare(random, 40);
        sql(cases(600, 900));
        sql(contacts(1500, 3000));
        // An upsert touching existing and new contacts, moving decisions across a month and a year edge.
        sql("INSERT INTO contact_fact (contact_id, child_ref, team, source, received_at, received_date, "
                + "decision_due_by, decided_at, decided_date, outcome, rationale_recorded, decision_working_days) "
                + "SELECT md5('rt-contact-' || i)::uuid, 'rt-child', 'rt-b', '2A', '2024-12-30T10:00:00Z', "
                + "'2024-12-30', '2024-12-31', '2025-01-02T10:00:00Z', '2025-01-02', 'REFERRAL', i % 2 = 0, "
                + "(i % 4) FROM generate_series(0, 3100, 50) i ON CONFLICT (contact_id) DO UPDATE SET "
                + "decided_date = EXCLUDED.decided_date, decided_at = EXCLUDED.decided_at, "
                + "decision_working_days = EXCLUDED.decision_working_days, team = EXCLUDED.team");
        compare(random, 40);
        // A case's source changes, others lose theirs, a team moves, allocations and closures land later.
        sql("UPDATE case_fact SET source = CASE WHEN source IS NULL THEN '9' ELSE NULL END "
                + "WHERE case_id IN (SELECT md5('rt-case-' || i)::uuid FROM generate_series(0, 900, 7) i)");
        sql("UPDATE case_fact SET team = 'rt-c', first_allocated_date = referral_date + 31, "
                + "allocation_working_days = 21 WHERE case_id IN (SELECT md5('rt-case-' || i)::uuid "
                + "FROM generate_series(1, 900, 11) i)");
        sql("UPDATE assessment_fact SET completed_date = completed_date + 40, working_days_wt2023 = 50 "
                + "WHERE assessment_id IN (SELECT md5('rt-assessment-' || i)::uuid FROM generate_series(0, 900, 5) i)");
        sql("UPDATE cp_plan_fact SET end_date = start_date + 800, lasted_two_years = true "
                + "WHERE cp_plan_id IN (SELECT md5('rt-plan-' || i)::uuid FROM generate_series(0, 900, 3) i)");
        sql("DELETE FROM contact_fact WHERE contact_id IN "
                + "(SELECT md5('rt-contact-' || i)::uuid FROM generate_series(0, 3000, 13) i)");
        sql("DELETE FROM case_fact WHERE case_id IN (SELECT md5('rt-case-' || i)::uuid FROM generate_series(3, 900, 17) i)");
        sql("DELETE FROM conference_fact WHERE conference_id IN "
                + "(SELECT md5('rt-conference-' || i)::uuid FROM generate_series(0, 900, 9) i)");
        compare(random, 80);
        IndicatorFilter all = new IndicatorFilter(FIRST, LAST, null, null, RuleSets.WT2023);
        Map<IndicatorCode, Indicator> seeded = QuarkusTransaction.requiringNew()
                .call(() -> rollups.aggregate(Arrays.asList(IndicatorCode.values()), all, LocalTargets.DEFAULT));
        assertTrue(seeded.get(IndicatorCode.CONTACTS).numerator() > 2000, "the seeded contacts are counted");
        assertTrue(seeded.get(IndicatorCode.ALLOCATION_TIMELINESS).denominator() > 500, "the seeded cases are counted");
        assertTrue(seeded.get(IndicatorCode.ASSESSMENT_TIMELINESS).denominator() > 500, "the steps are counted");
        // A rebuild's TRUNCATE empties the rollups with the facts (rolled back: other tests' facts stay).
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE contact_fact, case_fact, assessment_fact, section47_fact, "
                        + "conference_fact, cp_plan_fact");
                try (ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM indicator_day) "
                        + "+ (SELECT count(*) FROM indicator_month) + (SELECT count(*) FROM indicator_hist_day) "
                        + "+ (SELECT count(*) FROM indicator_hist_month) + (SELECT count(*) FROM indicator_year) "
                        + "+ (SELECT count(*) FROM indicator_hist_year)")) {
                    rows.next();
                    assertEquals(0, rows.getLong(1), "rollups left after TRUNCATE of the facts");
                }
            } finally {
                connection.rollback();
            }
        }
        compare(random, 10);
    }

    @Test
    void theTriggersMarkEveryPeriodColumnOfTheDefinitions() throws SQLException {
        for (IndicatorRepository.Definition definition : IndicatorRepository.periodDefinitions()) {
            for (String trigger : List.of("rollup_mark_insert", "rollup_mark_update", "rollup_mark_delete")) {
                String def = query("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = '" + trigger
                        + "' AND tgrelid = '" + definition.table() + "'::regclass");
                assertTrue(def != null && def.contains("'" + definition.period() + "'"),
                        trigger + " on " + definition.table() + " must mark " + definition.period() + ": " + def);
            }
        }
    }

    private void compare(Random random, int filters) {
        refresher.refresh();
        List<IndicatorCode> codes = Arrays.asList(IndicatorCode.values());
        for (int n = 0; n < filters; n++) {
            LocalDate from = FIRST.plusDays(random.nextInt(200));
            LocalDate to;
            switch (n % 5) {
                case 0 -> {
                    from = from.withDayOfMonth(1);
                    to = from.plusMonths(1 + random.nextInt(14)).minusDays(1);
                }
                case 1 -> to = from.plusDays(random.nextInt(40));
                case 2 -> to = from.plusDays(200 + random.nextInt(300));
                case 3 -> {
                    // Days, months and a whole year: a day in 2023 to a day in 2025.
                    from = LocalDate.parse("2023-01-01").plusDays(random.nextInt(365));
                    to = LocalDate.parse("2025-01-01").plusDays(random.nextInt(300));
                }
                default -> {
                    from = LocalDate.parse("2023-01-01");
                    to = LocalDate.parse("2025-12-31");
                }
            }
            String team = random.nextInt(3) == 0 ? null : TEAMS[random.nextInt(TEAMS.length)];
            String source = random.nextInt(3) == 0 ? null : SOURCES[random.nextInt(SOURCES.length)];
            IndicatorFilter filter = new IndicatorFilter(from, to, team, source,
                    random.nextBoolean() ? RuleSets.WT2023 : RuleSets.WT2010);
            LocalTargets targets = random.nextBoolean() ? LocalTargets.DEFAULT
                    : new LocalTargets(10, LocalTargets.DEFAULT.caseloadThreshold());
            Map<IndicatorCode, Indicator> facts = QuarkusTransaction.requiringNew()
                    .call(() -> repository.aggregate(codes, filter, targets));
            Map<IndicatorCode, Indicator> rolled = QuarkusTransaction.requiringNew()
                    .call(() -> rollups.aggregate(codes, filter, targets));
            assertEquals(facts, rolled, "rollups differ from the facts for " + filter + " " + targets);

        }
    }

    private static String steps(String casePrefix, int from, int to) {
        String span = "(random() * 500)::int";
        String cases = " FROM generate_series(" + from + ", " + (to - 1) + ") i";
        return String.join(";\n", List.of(
                "INSERT INTO assessment_fact (assessment_id, case_id, child_ref, team, kind, referral_date, started_at, "
                        + "started_date, completed_at, completed_date, anchor_wt2023, due_wt2023, working_days_wt2023, "
                        + "anchor_wt2010, due_wt2010, working_days_wt2010) SELECT md5('rt-assessment-' || i)::uuid, "
                        + "md5('" + casePrefix + "' || i)::uuid, 'rt-child', " + team() + ", "
                        + "(ARRAY['SINGLE','INITIAL','CORE'])[1 + i % 3], d, d, d, "
                        + "CASE WHEN i % 10 = 0 THEN NULL ELSE d + 30 END, CASE WHEN i % 10 = 0 THEN NULL ELSE "
                        + "(d + 20 + (random() * 30)::int) END, d, d + 60, "
                        + "CASE WHEN i % 10 = 0 THEN NULL ELSE (random() * 60)::int END, d, d + 50, "
                        + "CASE WHEN i % 10 = 0 THEN NULL ELSE (random() * 40)::int END "
                        + "FROM (SELECT i, DATE '" + FIRST + "' + " + span + " AS d" + cases + ") s",
                "INSERT INTO section47_fact (section47_id, case_id, child_ref, team, strategy_discussion_date, "
                        + "completed_date, outcome) SELECT md5('rt-s47-' || i)::uuid, md5('" + casePrefix
                        + "' || i)::uuid, 'rt-child', " + team() + ", d, CASE WHEN i % 6 = 0 THEN NULL ELSE d + 15 END, "
                        + "(ARRAY['ICPC_REQUIRED','NO_ICPC',NULL])[1 + i % 3] FROM (SELECT i, DATE '" + FIRST + "' + "
                        + span + " AS d" + cases + " WHERE i % 2 = 0) s",
                "INSERT INTO conference_fact (conference_id, case_id, child_ref, team, held_at, held_date, kind, "
                        + "transfer_in, strategy_discussion_date, working_days, outcome) SELECT md5('rt-conference-' "
                        + "|| i)::uuid, md5('" + casePrefix + "' || i)::uuid, 'rt-child', " + team() + ", d, d, "
                        + "(ARRAY['INITIAL','REVIEW'])[1 + i % 2], i % 5 = 0, "
                        + "CASE WHEN i % 7 = 0 THEN NULL ELSE d - 20 END, "
                        + "CASE WHEN i % 7 = 0 THEN NULL ELSE (random() * 25)::int END, "
                        + "(ARRAY['CP_PLAN','NO_PLAN'])[1 + i % 2] FROM (SELECT i, DATE '" + FIRST + "' + " + span
                        + " AS d" + cases + ") s",
                "INSERT INTO cp_plan_fact (cp_plan_id, case_id, child_ref, team, start_date, end_date, repeat_reported, "
                        + "earlier_plan, lasted_two_years) SELECT md5('rt-plan-' || i)::uuid, md5('" + casePrefix
                        + "' || i)::uuid, 'rt-child', " + team() + ", d, CASE WHEN i % 3 = 0 THEN NULL ELSE d + 100 END, "
                        + "CASE WHEN i % 4 = 0 THEN NULL ELSE i % 5 = 0 END, i % 6 = 0, "
                        + "CASE WHEN i % 3 = 0 THEN NULL ELSE false END FROM (SELECT i, DATE '" + FIRST + "' + " + span
                        + " AS d" + cases + ") s"));
    }

    private static String cases(int from, int to) {
        return "INSERT INTO case_fact (case_id, child_ref, team, source, opened_at, referral_date, re_referral, "
                + "previous_referrals_12_months, closed_at, closed_date, no_further_step, first_allocated_at, "
                + "first_allocated_date, allocation_working_days) SELECT md5('rt-case-' || i)::uuid, 'rt-child', "
                + team() + ", " + source() + ", CASE WHEN i % 13 = 0 THEN NULL ELSE d END, d, "
                + "CASE WHEN i % 9 = 0 THEN NULL ELSE i % 4 = 0 END, (i % 3), "
                + "CASE WHEN i % 5 = 0 THEN NULL ELSE d + 40 END, CASE WHEN i % 5 = 0 THEN NULL ELSE d + 40 END, "
                + "CASE WHEN i % 5 = 0 THEN NULL WHEN i % 8 = 0 THEN NULL ELSE i % 3 = 0 END, "
                + "CASE WHEN i % 6 = 0 THEN NULL ELSE d + 3 END, CASE WHEN i % 6 = 0 THEN NULL ELSE d + (i % 12) END, "
                + "CASE WHEN i % 6 = 0 THEN NULL ELSE (i * 7) % 13 END "
                + rows(from, to);
    }

    private static String contacts(int from, int to) {
        return "INSERT INTO contact_fact (contact_id, child_ref, team, source, received_at, received_date, "
                + "decision_due_by, decided_at, decided_date, outcome, rationale_recorded, decision_working_days) "
                + "SELECT md5('rt-contact-' || i)::uuid, 'rt-child', " + team() + ", "
                + "(ARRAY['1A','2A','6','9'])[1 + i % 4], d, d, d + 1, CASE WHEN i % 8 = 0 THEN NULL ELSE d END, "
                + "CASE WHEN i % 8 = 0 THEN NULL ELSE d + (i % 4) END, "
                + "(ARRAY['REFERRAL','NO_FURTHER_ACTION','EARLY_HELP'])[1 + i % 3], "
                + "CASE WHEN i % 11 = 0 THEN NULL ELSE i % 2 = 0 END, CASE WHEN i % 8 = 0 THEN NULL ELSE i % 4 END "
                + rows(from, to);
    }

    /** Rows i = from .. to - 1, each with a random day d in the 500 days from FIRST. */
    private static String rows(int from, int to) {
        return "FROM (SELECT i, DATE '" + FIRST + "' + (random() * 500)::int AS d FROM generate_series(" + from + ", "
                + (to - 1) + ") i) s";
    }

    private static String team() {
        return "(ARRAY['rt-a','rt-b','rt-c'])[1 + (random() * 2.99)::int % 3]";
    }

    private static String source() {
        return "(ARRAY['1A','2A','6','9',NULL])[1 + (random() * 4.99)::int % 5]";
    }

    private void sql(String sql) {
        for (String part : sql.split(";\n")) {
            try {
                query(part);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage() + " in " + part, e);
            }
        }
    }

    /** Runs one statement; the first column of its first row, if it returns rows. */
    private String query(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet rows = statement.getResultSet()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
