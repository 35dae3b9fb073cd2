package org.frontdoor.allocation.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

import org.frontdoor.allocation.config.AlertConfig;
import org.frontdoor.allocation.config.AllocationConfig;
import org.frontdoor.allocation.domain.Alert;
import org.frontdoor.allocation.domain.AlertCondition;
import org.frontdoor.allocation.domain.AlertKey;
import org.frontdoor.allocation.domain.AlertRules;
import org.frontdoor.allocation.domain.AlertSnapshot;
import org.frontdoor.allocation.domain.AlertState;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.CaseloadPolicy;
import org.frontdoor.allocation.domain.TeamLoad;
import org.frontdoor.allocation.domain.WaitingPolicy;
import org.frontdoor.allocation.domain.Worker;
import org.frontdoor.allocation.repository.AlertRepository;
import org.frontdoor.allocation.repository.AwaitingContactRepository;
import org.frontdoor.allocation.repository.AwaitingContactRepository.ContactRow;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.repository.WorkerRepository;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AlertKind;
import org.junit.jupiter.api.Test;

/**
 * The evaluation reads only aggregates and the cases and contacts that can be over a limit (issue 6); what it raises
 * and resolves for a queue of hundreds must stay exactly what the rules give over the whole queue read case by case:
 * cases waiting since every day of the last nine weeks at the first and last microsecond of the London day and at
 * noon (weekends and bank holidays included), hundreds waiting since today, allocated and closed cases, workers under,
 * at and over their thresholds, contacts due before, on and after today, decided or not.
 */
@QuarkusTest
class LargeQueueAlertTest {

    private static final int WAITING_TODAY = 300;

    @Inject
    AlertService alertService;
    @Inject
    AlertRepository alertRows;
    @Inject
    CaseRepository caseRows;
    @Inject
    WorkerRepository workerRows;
    @Inject
    AwaitingContactRepository contactRows;
    @Inject
    WorkingCalendar calendar;
    @Inject
    AlertConfig alertConfig;
    @Inject
    AllocationConfig allocationConfig;

    /** What an alert says, to compare the raised ones with the conditions the rules find. */
    private record Said(AlertKind kind, String subject, String team, String childRef, Integer value, Integer threshold,
            String detail) {

        static Said of(Alert alert) {
            return new Said(alert.kind(), alert.subjectId(), alert.team(), alert.childRef(), alert.value(),
                    alert.threshold(), alert.detail());
        }

        static Said of(AlertCondition condition) {
            return new Said(condition.kind(), condition.subjectId(), condition.team(), condition.childRef(),
                    condition.value(), condition.threshold(), condition.detail());
        }
    }

    private final String team = "large-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AlertSnapshot.WaitingCase> queued = new ArrayList<>();
    private final List<Instant> queuedSince = new ArrayList<>();
    private final List<AlertSnapshot.WorkerCaseload> workers = new ArrayList<>();
    private final List<AlertSnapshot.UndecidedContact> undecided = new ArrayList<>();

    @Test
    void aLongQueueRaisesAndResolvesExactlyWhatTheRulesGiveOverTheWholeQueue() {
        Instant now = Instant.now();
        LocalDate today = WorkingCalendar.londonDate(now);
        seed(now, today);
        WaitingPolicy waiting = new WaitingPolicy(calendar, allocationConfig.targetWorkingDays());
        int limit = alertConfig.caseUnallocatedWorkingDays();
        long over = queued.stream().filter(c -> waiting.workingDaysWaiting(c.waitingSince(), today) > limit).count();
        assertTrue(over > 50 && over < queued.size() - WAITING_TODAY, over + " of " + queued.size() + " over");

        alertService.evaluate(List.of(team));   // as after a consumer batch
        assertSameAlerts(expected(today), active());
        assertEquals(over, active().stream().filter(a -> a.kind() == AlertKind.CASE_UNALLOCATED_TOO_LONG).count());
        assertTrue(active().stream().anyMatch(a -> a.kind() == AlertKind.QUEUE_ABOVE_THRESHOLD
                && a.value() == queued.size()));
        TeamLoad load = TeamLoad.of(new AlertSnapshot(today, queued, workers, undecided), waiting,
                new CaseloadPolicy(allocationConfig.caseloadThresholdPerFte(), allocationConfig.amberFraction()))
                .get(0);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("frontdoor_queue_unallocated{team=\"" + team + "\"} " + queued.size() + ".0"))
                .body(containsString("frontdoor_queue_oldest_wait_working_days{team=\"" + team + "\"} "
                        + load.oldestWaitWorkingDays() + ".0"))
                .body(containsString("frontdoor_workers_over_threshold{team=\"" + team + "\"} "
                        + load.workersOverThreshold() + ".0"));

        alertService.evaluate(now);   // as the timer, every team: nothing changes
        assertSameAlerts(expected(today), active());

        // Alerts still standing keep what they said when raised (the queue's length then): compare the subjects.
        long resolving = allocateOverLimitCasesAndJustUnder(today, waiting, limit);
        alertService.evaluate(List.of(team));
        assertSameAlerts(keys(expected(today)), keys(active()));
        assertEquals(resolving, QuarkusTransaction.requiringNew()
                .call(() -> alertRows.search(AlertState.RESOLVED, team).count()));

        theQueueIsReadLongestWaitingFirstWithItsWorkingDays(today, waiting);
    }

    private Set<Said> expected(LocalDate today) {
        AlertRules rules = AlertRules.standard(calendar,
                new WaitingPolicy(calendar, allocationConfig.targetWorkingDays()),
                new CaseloadPolicy(allocationConfig.caseloadThresholdPerFte(), allocationConfig.amberFraction()),
                alertConfig.caseUnallocatedWorkingDays(), alertConfig.queueThreshold());
        return rules.conditions(new AlertSnapshot(today, queued, workers, undecided)).values().stream()
                .map(Said::of).collect(Collectors.toSet());
    }

    /** Equal sets, or a failure naming what is missing and what is extra rather than hundreds of alerts. */
    private static <T> void assertSameAlerts(Set<T> expected, Set<T> actual) {
        Set<T> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<T> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), expected.size() + " alerts expected, " + actual.size()
                + " active; missing " + missing + "; not expected " + extra);
    }

    private static Set<AlertKey> keys(Set<Said> alerts) {
        return alerts.stream().map(a -> new AlertKey(a.kind(), a.subject())).collect(Collectors.toSet());
    }

    private Set<Said> active() {
        return QuarkusTransaction.requiringNew().call(() -> alertRows.active(List.of(team)).stream().map(Said::of)
                .collect(Collectors.toSet()));
    }

    private void seed(Instant now, LocalDate today) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (LocalDate day = today.minusWeeks(9); !day.isAfter(today); day = day.plusDays(1)) {
                Instant start = day.atStartOfDay(WorkingCalendar.LONDON).toInstant();
                Instant end = day.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant().minus(1,
                        ChronoUnit.MICROS);
                Instant noon = day.atTime(LocalTime.NOON).atZone(WorkingCalendar.LONDON).toInstant();
                for (Instant since : List.of(start, noon, end)) {
                    if (since.isBefore(now.minusSeconds(3_600))) {
                        queue(since);
                    }
                }
                Case closed = Case.opened(UUID.randomUUID(), "child-closed", team, day, start.plusSeconds(1));
                closed.close();
                caseRows.persist(closed);
            }
            for (int i = 1; i <= WAITING_TODAY; i++) {
                // Never on a round second: no tie with a case waiting since midnight.
                queue(now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(i).plus(500, ChronoUnit.MICROS));
            }
            Instant earlier = now.minus(70, ChronoUnit.DAYS);
            hire("part-time", "0.5", null, true, 9, earlier);    // red from 9 cases
            hire("amber", "1.0", null, true, 17, earlier);
            hire("own-threshold", "1.0", "2", true, 2, earlier);
            hire("manager", "1.0", null, false, 30, earlier);    // holds no cases by role: never alerted
            hire("free", "1.0", null, true, 0, earlier);
            List<ContactRow> received = new ArrayList<>();
            List<ContactRow> decided = new ArrayList<>();
            for (LocalDate due = today.minusDays(12); !due.isAfter(today.plusDays(3)); due = due.plusDays(1)) {
                for (int i = 0; i < 3; i++) {
                    ContactRow contact = new ContactRow(UUID.randomUUID(), "child-" + UUID.randomUUID(), team,
                            due.minusDays(2).atStartOfDay(WorkingCalendar.LONDON).toInstant(), due, null);
                    received.add(contact);
                    if (i == 0) {
                        decided.add(new ContactRow(contact.contactId(), contact.childRef(), team,
                                contact.receivedAt(), due, now));
                    } else {
                        undecided.add(new AlertSnapshot.UndecidedContact(contact.contactId(), contact.childRef(),
                                team, due));
                    }
                }
            }
            contactRows.receivedAll(received);
            contactRows.decidedAll(decided);
        });
    }

    private void queue(Instant since) {
        Case waiting = Case.opened(UUID.randomUUID(), "child-" + UUID.randomUUID(), team,
                WorkingCalendar.londonDate(since), since);
        caseRows.persist(waiting);
        queued.add(new AlertSnapshot.WaitingCase(waiting.caseId(), waiting.childRef(), team,
                WorkingCalendar.londonDate(since)));
        queuedSince.add(since);
    }

    private void hire(String name, String fte, String ownThreshold, boolean caseHolding, int cases, Instant at) {
        Worker worker = new Worker(team + "-" + name);
        worker.update("Worker " + name, team, new BigDecimal(fte), caseHolding,
                ownThreshold == null ? null : new BigDecimal(ownThreshold), at);
        workerRows.persist(worker);
        for (int i = 0; i < cases; i++) {
            Case held = Case.opened(UUID.randomUUID(), "child-held", team, WorkingCalendar.londonDate(at), at);
            held.allocateTo(worker, at.plusSeconds(60));
            caseRows.persist(held);
        }
        workers.add(new AlertSnapshot.WorkerCaseload(worker.workerId(), team, caseHolding,
                worker.fte().doubleValue(), worker.ownThresholdPerFte(), cases));
    }

    /**
     * Allocates every third case over the limit and every third at it: the alerts of the first, and only theirs,
     * resolve. Returns how many.
     */
    private long allocateOverLimitCasesAndJustUnder(LocalDate today, WaitingPolicy waiting, int limit) {
        List<AlertSnapshot.WaitingCase> chosen = new ArrayList<>();
        for (int i = 0; i < queued.size(); i++) {
            int days = waiting.workingDaysWaiting(queued.get(i).waitingSince(), today);
            if (days >= limit && i % 3 == 0) {
                chosen.add(queued.get(i));
            }
        }
        String free = team + "-free";
        QuarkusTransaction.requiringNew().run(() -> {
            Worker worker = workerRows.findById(free);
            chosen.forEach(c -> caseRows.findById(c.caseId()).allocateTo(worker, Instant.now()));
        });
        for (AlertSnapshot.WaitingCase allocated : chosen) {
            int index = queued.indexOf(allocated);
            queued.remove(index);
            queuedSince.remove(index);
        }
        workers.replaceAll(w -> w.workerId().equals(free) ? new AlertSnapshot.WorkerCaseload(free, team, true, 1.0,
                null, chosen.size()) : w);
        return chosen.stream().filter(c -> waiting.workingDaysWaiting(c.waitingSince(), today) > limit).count();
    }

    private void theQueueIsReadLongestWaitingFirstWithItsWorkingDays(LocalDate today, WaitingPolicy waiting) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < queued.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(queuedSince::get));
        JsonPath queue = given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/queue")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(order.stream().map(i -> queued.get(i).caseId().toString()).toList(),
                queue.getList("caseId"));
        assertEquals(order.stream().map(i -> waiting.workingDaysWaiting(queued.get(i).waitingSince(), today))
                .toList(), queue.getList("workingDaysWaiting", Integer.class));
        assertEquals(order.stream().map(i -> waiting.rag(waiting.workingDaysWaiting(queued.get(i).waitingSince(),
                today)).name()).toList(), queue.getList("rag"));
    }
}
