package org.frontdoor.metrics.rest;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.metrics.domain.AssessmentClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * How fast {@code GET /indicators} answers over five years of a very large front door: a million cases
 * with their contacts, allocations, assessments, enquiries, conferences and plans, bulk-loaded with COPY.
 * Prints the median and 99th percentile and appends them to docs/benchmarks.md. Run on request:
 * {@code ./mvnw -pl metrics-service verify -Dfrontdoor.excluded.groups=none -Dgroups=benchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class IndicatorBenchmark {

    private static final int CASES = 1_000_000;
    private static final int EXTRA_CONTACTS_PER_CASE = 2;
    private static final LocalDate FIRST = LocalDate.parse("2020-01-01");
    private static final int DAYS = 5 * 365;
    private static final String[] TEAMS = { "bench-north", "bench-south", "bench-east", "bench-west", "bench-edt" };
    private static final String[] SOURCES = { "1A", "2A", "3A", "3E", "5A", "6", "6", "6", "8", "9" };
    private static final int WARM_UP = 2;
    private static final int RUNS = 20;
    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    @Inject
    DataSource dataSource;

    @Inject
    org.frontdoor.metrics.rollup.RollupRefresher refresher;

    @Test
    void indicatorsOverFiveYearsOfAMillionCases() throws Exception {
        long seeding = System.nanoTime();
        long[] rows = seed();
        double seeded = (System.nanoTime() - seeding) / 1e9;

        String period = "from=2020-01-01&to=2024-12-31";
        List<String> report = new ArrayList<>();
        // Bring the rollups up to date with every seeded day (cold), here rather than in the first request,
        // which would outlast the HTTP client's read timeout on a busy machine.
        long cold = System.nanoTime();
        refresher.refresh();
        String first = String.format("rollup refresh after the seed (every day of every table): %.0f ms",
                (System.nanoTime() - cold) / 1e6);
        System.out.println(first);
        report.add(first);
        for (String query : new String[] { period, period + "&team=bench-north",
                "from=2024-12-01&to=2024-12-31&team=bench-north" }) {
            for (int i = 0; i < WARM_UP; i++) {
                get(query);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                get(query);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            double median = (millis.get(RUNS / 2 - 1) + millis.get(RUNS / 2)) / 2;
            // With 20 runs the 99th percentile is the slowest run.
            double p99 = millis.get((int) Math.ceil(RUNS * 0.99) - 1);
            String line = String.format("GET /indicators?%s: median %.0f ms, p99 %.0f ms, max %.0f ms (%d runs)",
                    query, median, p99, millis.get(RUNS - 1), RUNS);
            System.out.println(line);
            report.add(line);
        }
        // Where the time goes: each indicator alone over the five years, median of 3.
        StringBuilder breakdown = new StringBuilder("per indicator over 5 years:");
        for (org.frontdoor.metrics.domain.IndicatorCode code : org.frontdoor.metrics.domain.IndicatorCode.values()) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                given().auth().preemptive().basic("analyst", "analyst").when().get("/indicators/" + code + "?" + period)
                        .then().statusCode(200);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            breakdown.append(String.format(" %s %.0f ms;", code, millis.get(1)));
        }
        System.out.println(breakdown);
        String facts = String.format("%,d cases, %,d contacts, %,d allocations, %,d assessments, %,d S47, "
                + "%,d conferences, %,d plans (seeded with COPY in %.0f s)", rows[0], rows[1], rows[2], rows[3],
                rows[4], rows[5], rows[6], seeded);
        System.out.println(facts);
        append(report, facts);
    }

    private void get(String query) {
        given().auth().preemptive().basic("analyst", "analyst").when().get("/indicators?" + query)
                .then().statusCode(200);
    }

    /** Loads the facts; returns the row counts per table. */
    private long[] seed() throws SQLException, IOException {
        Random random = new Random(42);
        long[] counts = new long[7];
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            // Bulk load as one would: secondary indexes dropped first and built once at the end.
            List<String> indexes = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    java.sql.ResultSet rows = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes "
                            + "WHERE tablename LIKE '%\\_fact' AND indexname NOT LIKE '%\\_pkey'")) {
                while (rows.next()) {
                    indexes.add(rows.getString(2));
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("DROP INDEX " + rows.getString(1));
                    }
                }
            }
            StringBuilder cases = new StringBuilder();
            StringBuilder contacts = new StringBuilder();
            StringBuilder allocations = new StringBuilder();
            StringBuilder assessments = new StringBuilder();
            StringBuilder enquiries = new StringBuilder();
            StringBuilder conferences = new StringBuilder();
            StringBuilder plans = new StringBuilder();
            for (int n = 0; n < CASES; n++) {
                String child = "bench-" + random.nextInt(CASES / 2);
                String team = TEAMS[random.nextInt(TEAMS.length)];
                String source = SOURCES[random.nextInt(SOURCES.length)];
                LocalDate received = FIRST.plusDays(random.nextInt(DAYS));
                // The contacts that did not become referrals, then the one that did.
                for (int c = 0; c < EXTRA_CONTACTS_PER_CASE; c++) {
                    LocalDate other = FIRST.plusDays(random.nextInt(DAYS));
                    contact(contacts, UUID.randomUUID(), child, team, source, other,
                            CALENDAR.addWorkingDays(other, random.nextInt(3)), random.nextBoolean() ? "NO_FURTHER_ACTION"
                                    : "EARLY_HELP", random);
                    counts[1]++;
                }
                LocalDate referral = CALENDAR.addWorkingDays(received, random.nextInt(3));
                UUID contactId = UUID.randomUUID();
                contact(contacts, contactId, child, team, source, received, referral, "REFERRAL", random);
                counts[1]++;
                UUID caseId = UUID.randomUUID();
                boolean open = random.nextInt(100) == 0;
                LocalDate allocated = CALENDAR.addWorkingDays(referral, random.nextInt(9));
                LocalDate closed = open ? null : referral.plusDays(20 + random.nextInt(150));
                boolean nfa = random.nextInt(4) == 0;
                row(cases, caseId, child, contactId, team, source, at(referral), referral, random.nextInt(5) == 0,
                        0, random.nextInt(5) == 0 ? 1 : 0, closed == null ? null : at(closed), closed,
                        closed == null ? null : "RC7", closed == null ? null : nfa, at(allocated), allocated,
                        CALENDAR.workingDaysBetween(referral, allocated));
                counts[0]++;
                row(allocations, caseId, at(allocated), "sw-" + random.nextInt(400), team, allocated, false, null);
                counts[2]++;
                if (nfa) {
                    continue;
                }
                LocalDate started = CALENDAR.addWorkingDays(referral, 1 + random.nextInt(5));
                LocalDate completed = closed != null && !closed.isAfter(started.plusDays(90)) ? closed
                        : CALENDAR.addWorkingDays(referral, 10 + random.nextInt(50));
                boolean assessmentOpen = open && random.nextBoolean();
                row(assessments, UUID.randomUUID(), caseId, child, team, AssessmentKind.SINGLE, referral, at(started),
                        started, assessmentOpen ? null : at(completed), assessmentOpen ? null : completed,
                        assessmentOpen ? null : "CHILD_IN_NEED_PLAN", referral,
                        AssessmentClock.due(RuleSets.WT2023, AssessmentKind.SINGLE, referral, started, CALENDAR),
                        assessmentOpen ? null : CALENDAR.workingDaysBetween(referral, completed), referral,
                        AssessmentClock.due(RuleSets.WT2010, AssessmentKind.SINGLE, referral, started, CALENDAR),
                        assessmentOpen ? null : CALENDAR.workingDaysBetween(referral, completed));
                counts[3]++;
                if (random.nextInt(6) != 0) {
                    continue;
                }
                LocalDate discussed = CALENDAR.addWorkingDays(referral, 2 + random.nextInt(10));
                LocalDate enquiryDone = CALENDAR.addWorkingDays(discussed, 5 + random.nextInt(10));
                boolean icpc = random.nextInt(3) != 0;
                UUID enquiryId = UUID.randomUUID();
                row(enquiries, enquiryId, caseId, child, team, UUID.randomUUID(), discussed,
                        CALENDAR.addWorkingDays(discussed, 15), at(discussed), discussed, at(enquiryDone), enquiryDone,
                        icpc ? "ICPC_REQUIRED" : "NO_ICPC");
                counts[4]++;
                if (!icpc) {
                    continue;
                }
                LocalDate held = CALENDAR.addWorkingDays(discussed, 8 + random.nextInt(12));
                boolean plan = random.nextInt(4) != 0;
                UUID planId = plan ? UUID.randomUUID() : null;
                row(conferences, UUID.randomUUID(), caseId, child, team, at(held), held, "INITIAL",
                        random.nextInt(20) == 0, enquiryId, discussed, CALENDAR.workingDaysBetween(discussed, held),
                        plan ? "CP_PLAN" : "NO_PLAN", plan ? "NEG" : null, planId);
                counts[5]++;
                if (plan) {
                    LocalDate end = random.nextBoolean() ? held.plusDays(90 + random.nextInt(900)) : null;
                    row(plans, planId, caseId, child, team, "NEG", held, end, end == null ? null : false,
                            random.nextInt(5) == 0, false, end == null ? null : !end.isBefore(held.plusYears(2)));
                    counts[6]++;
                }
                if (cases.length() > 8_000_000) {
                    flush(copy, cases, contacts, allocations, assessments, enquiries, conferences, plans);
                }
            }
            flush(copy, cases, contacts, allocations, assessments, enquiries, conferences, plans);
            try (Statement statement = connection.createStatement()) {
                for (String index : indexes) {
                    statement.execute(index);
                }
                statement.execute("VACUUM ANALYZE");
            }
        }
        return counts;
    }

    private static void contact(StringBuilder contacts, UUID id, String child, String team, String source,
            LocalDate received, LocalDate decided, String outcome, Random random) {
        row(contacts, id, child, team, source, "EMAIL", false, at(received), received,
                CALENDAR.addWorkingDays(received, 1), at(decided), decided, outcome, random.nextInt(10) != 0,
                CALENDAR.workingDaysBetween(received, decided));
    }

    private static void flush(CopyManager copy, StringBuilder cases, StringBuilder contacts,
            StringBuilder allocations, StringBuilder assessments, StringBuilder enquiries, StringBuilder conferences,
            StringBuilder plans) throws SQLException, IOException {
        copy(copy, "case_fact (case_id, child_ref, contact_id, team, source, opened_at, referral_date, re_referral, "
                + "referrals_in_previous_12_months, previous_referrals_12_months, closed_at, closed_date, "
                + "closure_reason, no_further_step, first_allocated_at, first_allocated_date, "
                + "allocation_working_days)", cases);
        copy(copy, "contact_fact (contact_id, child_ref, team, source, channel, out_of_hours, received_at, "
                + "received_date, decision_due_by, decided_at, decided_date, outcome, rationale_recorded, "
                + "decision_working_days)", contacts);
        copy(copy, "allocation_fact (case_id, allocated_at, worker_id, team, allocated_date, threshold_overridden, "
                + "previous_worker_id)", allocations);
        copy(copy, "assessment_fact (assessment_id, case_id, child_ref, team, kind, referral_date, started_at, "
                + "started_date, completed_at, completed_date, outcome, anchor_wt2023, due_wt2023, "
                + "working_days_wt2023, anchor_wt2010, due_wt2010, working_days_wt2010)", assessments);
        copy(copy, "section47_fact (section47_id, case_id, child_ref, team, strategy_discussion_id, "
                + "strategy_discussion_date, icpc_due_by, started_at, started_date, completed_at, completed_date, "
                + "outcome)", enquiries);
        copy(copy, "conference_fact (conference_id, case_id, child_ref, team, held_at, held_date, kind, transfer_in, "
                + "section47_id, strategy_discussion_date, working_days, outcome, category, cp_plan_id)", conferences);
        copy(copy, "cp_plan_fact (cp_plan_id, case_id, child_ref, team, category, start_date, end_date, "
                + "ended_by_closure, repeat_reported, earlier_plan, lasted_two_years)", plans);
    }

    private static void copy(CopyManager copy, String table, StringBuilder rows) throws SQLException, IOException {
        if (rows.length() > 0) {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    /** One tab-separated COPY line; null is {@code \N}. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(values[i] == null ? "\\N" : values[i].toString());
        }
        out.append('\n');
    }

    private static Instant at(LocalDate date) {
        return date.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }

    /** One row per query in the table of docs/benchmarks.md: date, commit, benchmark, figure. */
    private static void append(List<String> figures, String facts) throws IOException {
        Path benchmarks = Path.of("..", "docs", "benchmarks.md");
        if (!Files.exists(benchmarks)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, JDK " + System.getProperty(
                "java.version");
        for (String figure : figures) {
            int colon = figure.indexOf(": ");
            text.append("| ").append(LocalDate.now()).append(" | metrics-service | ")
                    .append(figure, 0, colon).append(", ").append(facts).append(" | ")
                    .append(figure.substring(colon + 2)).append(" (").append(machine).append(") |\n");
        }
        Files.writeString(benchmarks, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
