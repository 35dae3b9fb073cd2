package org.frontdoor.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.frontdoor.clocks.WorkingCalendar;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code GET /indicators} over five years of a very large front door against the same numbers computed the way a
 * batch report would: plain SQL over a table of the raw events (jsonb), with a working-day calendar table. The same
 * generated journeys are loaded twice with COPY: as metrics-service's fact rows (the columns IndicatorBenchmark
 * seeds) and as the events that would have produced them, in a separate database.
 */
final class Queries {

    static final String BATCH_DB = "bench_batch";
    static final LocalDate FIRST = LocalDate.parse("2020-01-01");
    static final LocalDate FROM = LocalDate.parse("2020-01-01");
    static final LocalDate TO = LocalDate.parse("2024-12-31");
    private static final int DAYS = 5 * 365;
    private static final String[] TEAMS = { "q-north", "q-south", "q-east", "q-west", "q-edt" };
    private static final String[] SOURCES = { "1A", "2A", "3A", "3E", "5A", "6", "6", "6", "8", "9" };
    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final int FLUSH_CHARS = 8_000_000;

    /** The indicators both ways compute, with numerator and denominator. */
    static final List<String> COMPARED = List.of("CONTACTS", "CONTACT_DECISION_TIMELINESS", "CONTACT_CONVERSION",
            "DECISION_RATIONALE", "REFERRALS", "RE_REFERRALS", "ALLOCATION_TIMELINESS", "ASSESSMENT_TIMELINESS");

    record Seeded(long cases, long contacts, long facts, long events, double seconds) {
    }

    record Result(double[] serviceMillis, double[] rawMillis, Map<String, long[]> service, Map<String, long[]> raw) {
    }

    private final Limits db;
    private final String metricsJdbc;

    Queries(Limits db, String metricsJdbc) {
        this.db = db;
        this.metricsJdbc = metricsJdbc;
    }

    /** Seeds {@code cases} cases with {@code extraContacts} unreferred contacts each, both ways. */
    Seeded seed(int cases, int extraContacts) throws Exception {
        long began = System.nanoTime();
        db.createDatabase(BATCH_DB);
        try (Connection c = db.connect(db.stackUrl(BATCH_DB)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE raw_event (id UUID NOT NULL, type TEXT NOT NULL, subject TEXT NOT NULL, "
                    + "time TIMESTAMPTZ NOT NULL, data JSONB NOT NULL)");
            // The calendar a report needs for working days: n = working days from a fixed origin up to d.
            s.execute("CREATE TABLE working_day (d DATE PRIMARY KEY, n INTEGER NOT NULL)");
            StringBuilder days = new StringBuilder();
            LocalDate origin = LocalDate.parse("2019-01-01");
            for (LocalDate d = origin; d.isBefore(LocalDate.parse("2027-01-01")); d = d.plusDays(1)) {
                days.append(d).append('\t').append(CALENDAR.workingDaysBetween(origin, d)).append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY working_day FROM STDIN", new StringReader(days.toString()));
        }
        ExecutorService factWriter = Executors.newSingleThreadExecutor();
        ExecutorService rawWriter = Executors.newSingleThreadExecutor();
        Semaphore backlog = new Semaphore(6);
        List<Future<?>> pending = new ArrayList<>();
        try (Connection facts = db.connect(metricsJdbc); Connection raw = db.connect(db.stackUrl(BATCH_DB))) {
            // Bulk load as a DBA would: the fact tables' secondary indexes are dropped for the COPY and built again
            // from their own definitions afterwards (primary keys stay).
            List<String> indexes = new ArrayList<>();
            try (Statement s = facts.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                      AND tablename IN ('case_fact', 'contact_fact', 'allocation_fact', 'assessment_fact',
                                        'section47_fact', 'conference_fact', 'cp_plan_fact')
                      AND indexname NOT IN (SELECT conname FROM pg_constraint)""")) {
                while (r.next()) {
                    indexes.add(r.getString(1) + "\t" + r.getString(2));
                }
            }
            try (Statement s = facts.createStatement()) {
                for (String index : indexes) {
                    s.execute("DROP INDEX " + index.split("\t")[0]);
                }
            }
            CopyManager factCopy = facts.unwrap(PGConnection.class).getCopyAPI();
            CopyManager rawCopy = raw.unwrap(PGConnection.class).getCopyAPI();
            Tables t = new Tables();
            SplittableRandom random = new SplittableRandom(42);
            long[] counts = new long[3];
            for (int n = 0; n < cases; n++) {
                journey(t, random, n, extraContacts, counts);
                if (t.size() > FLUSH_CHARS) {
                    flush(t, factCopy, rawCopy, factWriter, rawWriter, backlog, pending);
                    t = new Tables();
                }
                if ((n + 1) % 200_000 == 0) {
                    System.out.printf("[bench]   queries: seeded %,d of %,d cases (%.0f s)%n", n + 1, cases,
                            (System.nanoTime() - began) / 1e9);
                }
            }
            flush(t, factCopy, rawCopy, factWriter, rawWriter, backlog, pending);
            for (Future<?> f : pending) {
                f.get();
            }
            factWriter.shutdown();
            rawWriter.shutdown();
            System.out.printf("[bench]   queries: loaded in %.0f s; building %d indexes, VACUUM ANALYZE ...%n",
                    (System.nanoTime() - began) / 1e9, indexes.size());
            ExecutorService vacuum = Executors.newFixedThreadPool(2);
            Future<?> a = vacuum.submit(() -> {
                try (Statement s = facts.createStatement()) {
                    s.execute("SET maintenance_work_mem = '256MB'");
                    for (String index : indexes) {
                        s.execute(index.split("\t")[1]);
                    }
                    s.execute("VACUUM ANALYZE");
                }
                return null;
            });
            Future<?> b = vacuum.submit(() -> {
                try (Statement s = raw.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                return null;
            });
            a.get();
            b.get();
            vacuum.shutdown();
            long rawEvents;
            try (Statement s = raw.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM raw_event")) {
                r.next();
                rawEvents = r.getLong(1);
            }
            return new Seeded(cases, counts[0], counts[1], rawEvents, (System.nanoTime() - began) / 1e9);
        }
    }

    /** What one flush writes: fact tables' COPY text and the raw events' COPY text. */
    private static final class Tables {
        final StringBuilder cases = new StringBuilder();
        final StringBuilder contacts = new StringBuilder();
        final StringBuilder allocations = new StringBuilder();
        final StringBuilder assessments = new StringBuilder();
        final StringBuilder enquiries = new StringBuilder();
        final StringBuilder conferences = new StringBuilder();
        final StringBuilder plans = new StringBuilder();
        final StringBuilder events = new StringBuilder();

        int size() {
            return cases.length() + contacts.length() + events.length() / 2;
        }
    }

    private static void flush(Tables t, CopyManager factCopy, CopyManager rawCopy, ExecutorService factWriter,
            ExecutorService rawWriter, Semaphore backlog, List<Future<?>> pending) throws Exception {
        backlog.acquire(2);
        pending.add(factWriter.submit(() -> {
            try {
                copy(factCopy, "case_fact (case_id, child_ref, contact_id, team, source, opened_at, referral_date, "
                        + "re_referral, referrals_in_previous_12_months, previous_referrals_12_months, closed_at, "
                        + "closed_date, closure_reason, no_further_step, first_allocated_at, first_allocated_date, "
                        + "allocation_working_days)", t.cases);
                copy(factCopy, "contact_fact (contact_id, child_ref, team, source, channel, out_of_hours, received_at, "
                        + "received_date, decision_due_by, decided_at, decided_date, outcome, rationale_recorded, "
                        + "decision_working_days)", t.contacts);
                copy(factCopy, "allocation_fact (case_id, allocated_at, worker_id, team, allocated_date, "
                        + "threshold_overridden, previous_worker_id)", t.allocations);
                copy(factCopy, "assessment_fact (assessment_id, case_id, child_ref, team, kind, referral_date, "
                        + "started_at, started_date, completed_at, completed_date, outcome, anchor_wt2023, due_wt2023, "
                        + "working_days_wt2023, anchor_wt2010, due_wt2010, working_days_wt2010)", t.assessments);
                copy(factCopy, "section47_fact (section47_id, case_id, child_ref, team, strategy_discussion_id, "
                        + "strategy_discussion_date, icpc_due_by, started_at, started_date, completed_at, "
                        + "completed_date, outcome)", t.enquiries);
                copy(factCopy, "conference_fact (conference_id, case_id, child_ref, team, held_at, held_date, kind, "
                        + "transfer_in, section47_id, strategy_discussion_date, working_days, outcome, category, "
                        + "cp_plan_id)", t.conferences);
                copy(factCopy, "cp_plan_fact (cp_plan_id, case_id, child_ref, team, category, start_date, end_date, "
                        + "ended_by_closure, repeat_reported, earlier_plan, lasted_two_years)", t.plans);
                return null;
            } finally {
                backlog.release();
            }
        }));
        pending.add(rawWriter.submit(() -> {
            try {
                copy(rawCopy, "raw_event (id, type, subject, time, data)", t.events);
                return null;
            } finally {
                backlog.release();
            }
        }));
    }

    private static void copy(CopyManager copy, String table, StringBuilder rows) throws Exception {
        if (rows.length() > 0) {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
        }
    }

    /** One case's journey: extra contacts, the referral, case, first allocation, assessment, S47, ICPC, plan. */
    private static void journey(Tables t, SplittableRandom random, int n, int extraContacts, long[] counts) {
        String child = "q-" + random.nextInt(Math.max(1, n / 2 + 1));
        String team = TEAMS[random.nextInt(TEAMS.length)];
        String source = SOURCES[random.nextInt(SOURCES.length)];
        for (int c = 0; c < extraContacts; c++) {
            LocalDate other = FIRST.plusDays(random.nextInt(DAYS));
            contact(t, Ids.next(), child, team, source, other,
                    CALENDAR.addWorkingDays(other, random.nextInt(3)),
                    random.nextBoolean() ? "NO_FURTHER_ACTION" : "EARLY_HELP", null, random, counts);
        }
        LocalDate received = FIRST.plusDays(random.nextInt(DAYS));
        LocalDate referral = CALENDAR.addWorkingDays(received, random.nextInt(3));
        UUID contactId = Ids.next();
        UUID caseId = Ids.next();
        contact(t, contactId, child, team, source, received, referral, "REFERRAL", caseId, random, counts);
        boolean reReferral = random.nextInt(5) == 0;
        boolean open = random.nextInt(100) == 0;
        LocalDate allocated = CALENDAR.addWorkingDays(referral, random.nextInt(9));
        LocalDate closed = open ? null : referral.plusDays(20 + random.nextInt(150));
        boolean nfa = random.nextInt(4) == 0;
        int allocationDays = CALENDAR.workingDaysBetween(referral, allocated);
        row(t.cases, caseId, child, contactId, team, source, at(referral), referral, reReferral, reReferral ? 1 : 0,
                reReferral ? 1 : 0, closed == null ? null : at(closed), closed, closed == null ? null : "RC7",
                closed == null ? null : nfa, at(allocated), allocated, allocationDays);
        event(t, "frontdoor.case.opened.v1", caseId, at(referral), """
                {"caseId":"%s","childRef":"%s","contactId":"%s","occurredAt":"%s","referralDate":"%s","team":"%s",\
                "source":"%s","reReferral":%s,"referralsInPrevious12Months":%d}"""
                .formatted(caseId, child, contactId, at(referral), referral, team, source, reReferral,
                        reReferral ? 1 : 0));
        String worker = "sw-" + random.nextInt(400);
        row(t.allocations, caseId, at(allocated), worker, team, allocated, false, null);
        event(t, "frontdoor.case.allocated.v1", caseId, at(allocated), """
                {"caseId":"%s","childRef":"%s","workerId":"%s","team":"%s","occurredAt":"%s","allocatedBy":"duty",\
                "thresholdOverridden":false,"previousWorkerId":null}""".formatted(caseId, child, worker, team,
                at(allocated)));
        counts[1] += 2;
        if (nfa) {
            return;
        }
        LocalDate started = CALENDAR.addWorkingDays(referral, 1 + random.nextInt(5));
        LocalDate completed = CALENDAR.addWorkingDays(referral, 10 + random.nextInt(50));
        boolean assessmentOpen = open && random.nextBoolean();
        LocalDate due = CALENDAR.addWorkingDays(referral, 45);
        Integer days = assessmentOpen ? null : CALENDAR.workingDaysBetween(referral, completed);
        UUID assessmentId = Ids.next();
        row(t.assessments, assessmentId, caseId, child, team, "SINGLE", referral, at(started), started,
                assessmentOpen ? null : at(completed), assessmentOpen ? null : completed,
                assessmentOpen ? null : "CHILD_IN_NEED_PLAN", referral, due, days, referral, due, days);
        counts[1]++;
        if (!assessmentOpen) {
            event(t, "frontdoor.assessment.completed.v1", caseId, at(completed), """
                    {"assessmentId":"%s","caseId":"%s","childRef":"%s","team":"%s","occurredAt":"%s","kind":"SINGLE",\
                    "startedAt":"%s","referralDate":"%s","anchorDate":"%s","dueBy":"%s","ruleSet":"WT2023",\
                    "outcome":"CHILD_IN_NEED_PLAN","primaryNeed":"N1","workingDays":%d,"inTimescale":%s}"""
                    .formatted(assessmentId, caseId, child, team, at(completed), at(started), referral, referral, due,
                            days, days <= 45));
        }
        if (random.nextInt(6) != 0) {
            return;
        }
        LocalDate discussed = CALENDAR.addWorkingDays(referral, 2 + random.nextInt(10));
        LocalDate enquiryDone = CALENDAR.addWorkingDays(discussed, 5 + random.nextInt(10));
        boolean icpc = random.nextInt(3) != 0;
        UUID enquiryId = Ids.next();
        row(t.enquiries, enquiryId, caseId, child, team, Ids.next(), discussed,
                CALENDAR.addWorkingDays(discussed, 15), at(discussed), discussed, at(enquiryDone), enquiryDone,
                icpc ? "ICPC_REQUIRED" : "NO_ICPC");
        counts[1]++;
        if (!icpc) {
            return;
        }
        LocalDate held = CALENDAR.addWorkingDays(discussed, 8 + random.nextInt(12));
        boolean plan = random.nextInt(4) != 0;
        UUID planId = plan ? Ids.next() : null;
        row(t.conferences, Ids.next(), caseId, child, team, at(held), held, "INITIAL", random.nextInt(20) == 0,
                enquiryId, discussed, CALENDAR.workingDaysBetween(discussed, held), plan ? "CP_PLAN" : "NO_PLAN",
                plan ? "NEG" : null, planId);
        counts[1]++;
        if (plan) {
            LocalDate end = random.nextBoolean() ? held.plusDays(90 + random.nextInt(900)) : null;
            row(t.plans, planId, caseId, child, team, "NEG", held, end, end == null ? null : false,
                    random.nextInt(5) == 0, false, end == null ? null : !end.isBefore(held.plusYears(2)));
            counts[1]++;
        }
    }

    private static void contact(Tables t, UUID id, String child, String team, String source, LocalDate received,
            LocalDate decided, String outcome, UUID caseId, SplittableRandom random, long[] counts) {
        boolean rationale = random.nextInt(10) != 0;
        LocalDate due = CALENDAR.addWorkingDays(received, 1);
        int days = CALENDAR.workingDaysBetween(received, decided);
        row(t.contacts, id, child, team, source, "EMAIL", false, at(received), received, due, atDecision(decided),
                decided, outcome, rationale, days);
        event(t, "frontdoor.contact.received.v1", id, at(received), """
                {"contactId":"%s","childRef":"%s","occurredAt":"%s","source":"%s","channel":"EMAIL","outOfHours":false,\
                "team":"%s","decisionDueBy":"%s"}""".formatted(id, child, at(received), source, team, due));
        event(t, "frontdoor.contact.decided.v1", id, atDecision(decided), """
                {"contactId":"%s","childRef":"%s","occurredAt":"%s","receivedAt":"%s","team":"%s","source":"%s",\
                "outcome":"%s","decidedBy":"duty","rationaleRecorded":%s,"decisionDueBy":"%s",\
                "workingDaysToDecision":%d,"caseId":%s}""".formatted(id, child, atDecision(decided), at(received), team,
                source, outcome, rationale, due, days, caseId == null ? "null" : "\"" + caseId + "\""));
        counts[0]++;
        counts[1]++;
    }

    private static void event(Tables t, String type, UUID subject, Instant time, String data) {
        row(t.events, Ids.next(), type, subject, time, data.replace("\\", "\\\\"));
    }

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

    private static Instant atDecision(LocalDate date) {
        return date.atTime(15, 0).toInstant(ZoneOffset.UTC);
    }

    /** The plain-SQL batch report: one pass over the raw events per family, the calendar for allocation days. */
    static final String RAW_SQL = """
            WITH e AS (
              SELECT type, data, ((data->>'occurredAt')::timestamptz AT TIME ZONE 'Europe/London')::date AS day
              FROM raw_event
            ), counts AS (
              SELECT
                count(*) FILTER (WHERE type = 'frontdoor.contact.received.v1' AND day BETWEEN ?1 AND ?2) AS contacts,
                count(*) FILTER (WHERE type = 'frontdoor.contact.decided.v1' AND day BETWEEN ?1 AND ?2) AS decided,
                count(*) FILTER (WHERE type = 'frontdoor.contact.decided.v1' AND day BETWEEN ?1 AND ?2
                                 AND (data->>'workingDaysToDecision')::int <= 1) AS decided_in_time,
                count(*) FILTER (WHERE type = 'frontdoor.contact.decided.v1' AND day BETWEEN ?1 AND ?2
                                 AND data->>'outcome' = 'REFERRAL') AS converted,
                count(*) FILTER (WHERE type = 'frontdoor.contact.decided.v1' AND day BETWEEN ?1 AND ?2
                                 AND (data->>'rationaleRecorded')::boolean) AS rationale,
                count(*) FILTER (WHERE type = 'frontdoor.case.opened.v1'
                                 AND (data->>'referralDate')::date BETWEEN ?1 AND ?2) AS referrals,
                count(*) FILTER (WHERE type = 'frontdoor.case.opened.v1'
                                 AND (data->>'referralDate')::date BETWEEN ?1 AND ?2
                                 AND ((data->>'reReferral')::boolean
                                      OR (data->>'referralsInPrevious12Months')::int > 0)) AS re_referrals,
                count(*) FILTER (WHERE type = 'frontdoor.assessment.completed.v1' AND day BETWEEN ?1 AND ?2) AS assessed,
                count(*) FILTER (WHERE type = 'frontdoor.assessment.completed.v1' AND day BETWEEN ?1 AND ?2
                                 AND (data->>'workingDays')::int <= 45) AS assessed_in_time
              FROM e
            ), opened AS (
              SELECT data->>'caseId' AS case_id, (data->>'referralDate')::date AS referral_date
              FROM raw_event WHERE type = 'frontdoor.case.opened.v1'
            ), first_allocation AS (
              SELECT data->>'caseId' AS case_id,
                     min(((data->>'occurredAt')::timestamptz AT TIME ZONE 'Europe/London')::date) AS allocated
              FROM raw_event WHERE type = 'frontdoor.case.allocated.v1' GROUP BY 1
            ), allocation AS (
              SELECT count(*) AS allocated, count(*) FILTER (WHERE wa.n - wr.n <= 5) AS allocated_in_time
              FROM first_allocation f JOIN opened o USING (case_id)
              JOIN working_day wa ON wa.d = f.allocated JOIN working_day wr ON wr.d = o.referral_date
              WHERE f.allocated BETWEEN ?1 AND ?2
            )
            SELECT * FROM counts, allocation
            """;

    /** Runs both ways; returns latencies (ms) and each way's [numerator, denominator] by indicator. */
    Result compare(Http http, String metricsUrl, int serviceRuns, int rawRuns) throws Exception {
        String url = metricsUrl + "/indicators?from=" + FROM + "&to=" + TO;
        ObjectMapper json = new ObjectMapper();
        // The first answer brings the service's indicator rollups up to date with every seeded day (a full
        // refresh); it may outlast one request's timeout, so retry until it answers, and print it apart.
        long warmUp = System.nanoTime();
        for (int attempt = 1;; attempt++) {
            try {
                http.get(url, "analyst");
                break;
            } catch (java.net.http.HttpTimeoutException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
        System.out.printf("[bench]   queries: first GET /indicators after the seed (full rollup refresh) %.0f ms%n",
                (System.nanoTime() - warmUp) / 1e6);
        // That first answer rewrote every rollup row, case standing and month-end count: let PostgreSQL settle as
        // after the seed (VACUUM ANALYZE, as a DBA would after a bulk load; autovacuum gets there in minutes), so
        // the runs below time the service, not the vacuum of its bulk rewrite.
        long settle = System.nanoTime();
        try (Connection c = db.connect(metricsJdbc); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            s.execute("CHECKPOINT");
        }
        System.out.printf("[bench]   queries: VACUUM ANALYZE and CHECKPOINT after it %.0f ms%n",
                (System.nanoTime() - settle) / 1e6);
        for (int i = 0; i < 2; i++) {
            http.get(url, "analyst");
        }
        double[] service = new double[serviceRuns];
        String body = null;
        double spent = 0;
        for (int i = 0; i < serviceRuns; i++) {
            long start = System.nanoTime();
            body = http.get(url, "analyst");
            service[i] = (System.nanoTime() - start) / 1e6;
            spent += service[i];
            if (i >= 4 && i < serviceRuns - 1 && spent > 90_000) {
                service = java.util.Arrays.copyOf(service, i + 1);
                break;
            }
        }
        Map<String, long[]> serviceNumbers = new LinkedHashMap<>();
        for (JsonNode indicator : json.readTree(body)) {
            String code = indicator.get("code").asText();
            if (COMPARED.contains(code)) {
                JsonNode d = indicator.get("denominator");
                serviceNumbers.put(code, new long[] { indicator.get("numerator").asLong(),
                        d == null || d.isNull() ? indicator.get("numerator").asLong() : d.asLong() });
            }
        }
        System.out.printf("[bench]   queries: GET /indicators median %.0f ms; now the raw-SQL report (%d runs) ...%n",
                Stats.median(service), rawRuns);
        String sql = RAW_SQL.replace("?1", "CAST(? AS date)").replace("?2", "CAST(? AS date)");
        // Bind the two dates at each placeholder in order.
        int placeholders = sql.split("\\?", -1).length - 1;
        double[] raw = new double[rawRuns];
        Map<String, long[]> rawNumbers = new LinkedHashMap<>();
        try (Connection c = db.connect(db.stackUrl(BATCH_DB))) {
            for (int i = 0; i < rawRuns; i++) {
                long start = System.nanoTime();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    for (int k = 1; k <= placeholders; k++) {
                        p.setString(k, (k % 2 == 1 ? FROM : TO).toString());
                    }
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        raw[i] = (System.nanoTime() - start) / 1e6;
                        rawNumbers.put("CONTACTS", new long[] { r.getLong("contacts"), r.getLong("contacts") });
                        rawNumbers.put("CONTACT_DECISION_TIMELINESS",
                                new long[] { r.getLong("decided_in_time"), r.getLong("decided") });
                        rawNumbers.put("CONTACT_CONVERSION", new long[] { r.getLong("converted"), r.getLong("decided") });
                        rawNumbers.put("DECISION_RATIONALE", new long[] { r.getLong("rationale"), r.getLong("decided") });
                        rawNumbers.put("REFERRALS", new long[] { r.getLong("referrals"), r.getLong("referrals") });
                        rawNumbers.put("RE_REFERRALS", new long[] { r.getLong("re_referrals"), r.getLong("referrals") });
                        rawNumbers.put("ALLOCATION_TIMELINESS",
                                new long[] { r.getLong("allocated_in_time"), r.getLong("allocated") });
                        rawNumbers.put("ASSESSMENT_TIMELINESS",
                                new long[] { r.getLong("assessed_in_time"), r.getLong("assessed") });
                    }
                }
                System.out.printf("[bench]   queries: raw SQL run %d: %.0f ms%n", i + 1, raw[i]);
                if (i < rawRuns - 1 && java.util.Arrays.stream(raw).sum() > 100_000) {
                    raw = java.util.Arrays.copyOf(raw, i + 1);
                    break;
                }
            }
        }
        return new Result(service, raw, serviceNumbers, rawNumbers);
    }

    /** The period scans GET /indicators runs (IndicatorRepository's definitions, whole LA, WT2023). */
    static final Map<String, String> SERVICE_SCANS = new LinkedHashMap<>();

    static {
        String p = " BETWEEN DATE '" + FROM + "' AND DATE '" + TO + "'";
        SERVICE_SCANS.put("contact_fact by received_date (CONTACTS)",
                "SELECT count(*), count(*) FILTER (WHERE COALESCE(decision_working_days <= 1, false)) FROM contact_fact "
                        + "WHERE received_date" + p);
        SERVICE_SCANS.put("contact_fact by decided_date (3 decision indicators)",
                "SELECT count(*), count(*) FILTER (WHERE COALESCE(decision_working_days <= 1, false)), count(*) FILTER "
                        + "(WHERE COALESCE(outcome = 'REFERRAL', false)), count(*) FILTER (WHERE COALESCE(rationale_recorded, "
                        + "false)) FROM contact_fact WHERE decided_date" + p);
        SERVICE_SCANS.put("case_fact by referral_date (REFERRALS, RE_REFERRALS)",
                "SELECT count(*), count(*) FILTER (WHERE COALESCE(re_referral OR previous_referrals_12_months > 0, false)) "
                        + "FROM case_fact WHERE referral_date" + p + " AND opened_at IS NOT NULL");
        SERVICE_SCANS.put("case_fact by closed_date (REFERRAL_NFA)",
                "SELECT count(*), count(*) FILTER (WHERE COALESCE(no_further_step, false)) FROM case_fact WHERE closed_date" + p);
        SERVICE_SCANS.put("case_fact by first_allocated_date (ALLOCATION_TIMELINESS, median)",
                "SELECT count(*), count(*) FILTER (WHERE COALESCE(allocation_working_days <= 5, false)), percentile_cont(0.5) "
                        + "WITHIN GROUP (ORDER BY allocation_working_days) FROM case_fact WHERE first_allocated_date" + p);
        SERVICE_SCANS.put("assessment_fact by completed_date (ASSESSMENT_TIMELINESS)",
                "SELECT count(*), count(*) FILTER (WHERE COALESCE(working_days_wt2023 <= 45, false)) FROM assessment_fact "
                        + "WHERE completed_date" + p);
        SERVICE_SCANS.put("section47_fact by completed_date", "SELECT count(*), count(*) FILTER (WHERE outcome = "
                + "'ICPC_REQUIRED') FROM section47_fact WHERE completed_date" + p);
        SERVICE_SCANS.put("conference_fact by held_date", "SELECT count(*), count(*) FILTER (WHERE outcome = 'CP_PLAN') "
                + "FROM conference_fact WHERE held_date" + p + " AND kind = 'INITIAL' AND NOT transfer_in");
        SERVICE_SCANS.put("cp_plan_fact by start_date / end_date", "SELECT (SELECT count(*) FROM cp_plan_fact WHERE "
                + "start_date" + p + "), (SELECT count(*) FROM cp_plan_fact WHERE end_date" + p + ")");
    }

    /** Times each scan once directly in PostgreSQL and EXPLAINs the slowest; returns a one-line summary. */
    String breakdown(java.nio.file.Path out) throws Exception {
        StringBuilder text = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        String slowest = null;
        double slowestMs = -1;
        double total = 0;
        try (Connection c = db.connect(metricsJdbc); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> scan : SERVICE_SCANS.entrySet()) {
                long start = System.nanoTime();
                try (ResultSet r = s.executeQuery(scan.getValue())) {
                    r.next();
                }
                double ms = (System.nanoTime() - start) / 1e6;
                total += ms;
                text.append(String.format("%8.1f ms  %s%n", ms, scan.getKey()));
                summary.append(String.format("%s %.0f ms; ", scan.getKey(), ms));
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = scan.getValue();
                }
            }
            text.append(String.format("%8.1f ms  total of the period scans%n%nEXPLAIN (ANALYZE, BUFFERS) of the slowest:%n",
                    total));
            try (ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + slowest)) {
                while (r.next()) {
                    text.append(r.getString(1)).append('\n');
                }
            }
        }
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, text.toString());
        System.out.print(text);
        return String.format("the period scans alone take %.0f ms in PostgreSQL (%s)", total,
                summary.toString().replaceAll("; $", ""));
    }

    static String agreement(Result result) {
        List<String> differences = new ArrayList<>();
        for (String code : COMPARED) {
            long[] s = result.service().get(code);
            long[] r = result.raw().get(code);
            if (s == null || r == null || s[0] != r[0] || s[1] != r[1]) {
                differences.add(code + " service " + (s == null ? "none" : s[0] + "/" + s[1]) + " vs raw "
                        + (r == null ? "none" : r[0] + "/" + r[1]));
            }
        }
        return differences.isEmpty() ? "all " + COMPARED.size() + " compared indicators agree"
                : "differences: " + String.join("; ", differences);
    }

    static long awaitTermination(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(1, TimeUnit.HOURS) ? 0 : 1;
    }
}
