package org.frontdoor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.localstack.FrontDoorSystem;
import org.frontdoor.localstack.ProjectLayout;
import org.frontdoor.localstack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The simulator against the real thing: the packaged services on the local stack (as system-tests runs them).
 * A short backfill must leave the services agreeing with the simulator's own counts: contacts and cases in
 * referral-service, the queue and every caseload in allocation-service, CONTACTS and REFERRALS in
 * metrics-service; and live mode must drive them without a single unexpected answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorAgainstStackIT {

    private static FrontDoorSystem system;
    private static FrontDoorClient client;

    @BeforeAll
    static void start() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        Path home = Path.of(System.getProperty("java.io.tmpdir")).resolve("frontdoor-simulator");
        system = FrontDoorSystem.start(StackSettings.forTests(home, layout.kafkaLibs()), layout, true, "local",
                FrontDoorSystem.Progress.tagged("[simulator-it]"));
        client = new FrontDoorClient(url("referral-service"), url("allocation-service"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static URI url(String module) {
        return URI.create(system.service(module).baseUrl());
    }

    @Test
    @Order(1)
    void aBackfillLeavesTheServicesAgreeingWithTheSimulatorsCounts() throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        Instant from = to.minus(Duration.ofDays(21));
        SimulationConfig config = SimulationConfig.defaults();
        Simulator.Options options = new Simulator.Options(Simulator.Mode.BACKFILL, 11, config, from, to, null,
                Pressure.NONE, url("referral-service"), url("allocation-service"), url("metrics-service"), 4, false);
        Simulator.Summary summary = new Simulator(options).run();
        summary.print(System.out);
        Tally tally = summary.tally();

        assertEquals(0, tally.problems(), "no unexpected answers: " + tally.counts());
        assertTrue(summary.contacts() > 300 && summary.contacts() < 900, "a few hundred contacts: " + summary.contacts());
        assertTrue(summary.referrals() > 40, "referrals: " + summary.referrals());

        assertEquals(summary.contacts(), total("/contacts?size=1"), "GET /contacts X-Total-Count");
        assertEquals(summary.referrals(), total("/cases?size=1"), "GET /cases X-Total-Count");
        assertEquals(tally.openCases(), total("/cases?status=OPEN&size=1"), "open cases");
        assertTrue(tally.get("ok.AllocateCase") > 0 && tally.get("ok.CloseCase") > 0, tally.counts().toString());

        // allocation-service and metrics-service follow through Kafka: wait for them to catch up.
        awaitEqual("queue (case ids)", tally.unallocatedOpenCaseIds(), SimulatorAgainstStackIT::queue);
        awaitEqual("caseloads", tally.caseloads(), SimulatorAgainstStackIT::caseloads);
        LocalDate first = WorkingCalendar.londonDate(from);
        LocalDate last = WorkingCalendar.londonDate(to);
        awaitEqual("CONTACTS", summary.contacts(), () -> indicator("CONTACTS", first, last));
        awaitEqual("REFERRALS", summary.referrals(), () -> indicator("REFERRALS", first, last));
    }

    @Test
    @Order(2)
    void liveModeDrivesTheServicesWithoutStampingTimes() throws Exception {
        SimulationConfig config = SimulationConfig.from(SimulationConfig.with(SimulationConfig.with(
                SimulationConfig.defaultProperties(), "live.day-minutes", "0.5"), "la.teams", "live-north"));
        // Simulated time starts at 10:00 London on a working Tuesday, whatever the wall clock says: started at
        // 16:05 real time, the run spent its 20 s on the office's last hour and the night, and decided nothing.
        Instant tuesdayMorning = LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(WorkingCalendar.LONDON).toInstant();
        Simulator.Options options = new Simulator.Options(Simulator.Mode.LIVE, 3, config, tuesdayMorning, null,
                Duration.ofSeconds(20), Pressure.NONE, url("referral-service"), url("allocation-service"), null, 4,
                false);
        Simulator.Summary summary = new Simulator(options).run();
        summary.print(System.out);
        assertEquals(0, summary.tally().problems(), summary.tally().counts().toString());
        // Twenty seconds is 40 % of an office day of ~36 contacts: some contacts and decisions.
        assertTrue(summary.contacts() >= 3, "contacts: " + summary.contacts());
        assertTrue(summary.tally().get("ok.DecideContact") >= 1, summary.tally().counts().toString());
        JsonNode workers = client.get(Action.Service.ALLOCATION, "/workers?team=live-north", "admin").body();
        assertTrue(workers.size() > 10, "the team's workers were created: " + workers.size());
    }

    private static long total(String path) throws Exception {
        FrontDoorClient.Answer answer = client.get(Action.Service.REFERRAL, path, "analyst");
        assertEquals(200, answer.status(), path);
        return Long.parseLong(answer.totalCount());
    }

    private static Set<String> queue() throws Exception {
        Set<String> ids = new TreeSet<>();
        for (JsonNode waiting : client.get(Action.Service.ALLOCATION, "/queue", "duty").body()) {
            ids.add(waiting.path("caseId").asText());
        }
        return ids;
    }

    private static Map<String, Integer> caseloads() throws Exception {
        Map<String, Integer> loads = new HashMap<>();
        for (JsonNode worker : client.get(Action.Service.ALLOCATION, "/workers", "admin").body()) {
            int active = worker.path("activeCases").asInt();
            if (active > 0) {
                loads.put(worker.path("workerId").asText(), active);
            }
        }
        return loads;
    }

    private static long indicator(String code, LocalDate from, LocalDate to) throws Exception {
        FrontDoorClient.Answer answer = client.get(url("metrics-service"), "/indicators?from=" + from + "&to=" + to,
                "analyst");
        assertEquals(200, answer.status());
        for (JsonNode indicator : answer.body()) {
            if (code.equals(indicator.path("code").asText())) {
                return indicator.path("numerator").asLong();
            }
        }
        throw new AssertionError("No indicator " + code + " in " + answer.body());
    }

    private interface Reading {
        Object read() throws Exception;
    }

    private static void awaitEqual(String what, Object expected, Reading actual) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Object seen = actual.read();
        while (!expected.equals(normalise(expected, seen)) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            seen = actual.read();
        }
        if (!expected.equals(normalise(expected, seen)) && expected instanceof Set<?> wanted
                && seen instanceof Set<?> got) {
            for (Object extra : got) {
                if (!wanted.contains(extra)) {
                    System.out.println("[simulator-it] in " + what + " but not expected: " + extra + " "
                            + client.get(Action.Service.REFERRAL, "/cases/" + extra, "analyst").body());
                }
            }
            for (Object missing : wanted) {
                if (!got.contains(missing)) {
                    System.out.println("[simulator-it] expected in " + what + " but missing: " + missing + " "
                            + client.get(Action.Service.REFERRAL, "/cases/" + missing, "analyst").body());
                }
            }
        }
        assertEquals(expected, normalise(expected, seen), what);
    }

    private static Object normalise(Object expected, Object seen) {
        if (expected instanceof Long && seen instanceof Number number) {
            return number.longValue();
        }
        if (expected instanceof Integer && seen instanceof Number number) {
            return number.intValue();
        }
        return seen;
    }
}
