package org.frontdoor.allocation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AlertKind;
import org.frontdoor.events.AlertSubject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRulesTest {

    private static final String TEAM = "north";

    private final WaitingPolicy waiting = new WaitingPolicy(WorkingCalendar.englandAndWales(), 5);
    private final CaseloadPolicy caseloads = new CaseloadPolicy(18, 0.9);
    private final AlertRules rules = AlertRules.standard(WorkingCalendar.englandAndWales(), waiting, caseloads, 5,
            20);

    private static AlertSnapshot.WaitingCase waitingSince(String date) {
        return new AlertSnapshot.WaitingCase(UUID.randomUUID(), "child-" + UUID.randomUUID(), TEAM,
                LocalDate.parse(date));
    }

    private static AlertSnapshot.WorkerCaseload worker(String id, int cases, double fte, Double ownThreshold) {
        return new AlertSnapshot.WorkerCaseload(id, TEAM, true, fte, ownThreshold, cases);
    }

    private static AlertSnapshot snapshot(String today, List<AlertSnapshot.WaitingCase> cases,
            List<AlertSnapshot.WorkerCaseload> workers) {
        return new AlertSnapshot(LocalDate.parse(today), cases, workers, List.of());
    }

    private static AlertSnapshot.UndecidedContact contactDueBy(String date) {
        return new AlertSnapshot.UndecidedContact(UUID.randomUUID(), "child-" + UUID.randomUUID(), TEAM,
                LocalDate.parse(date));
    }

    private static AlertSnapshot contacts(String today, List<AlertSnapshot.UndecidedContact> undecided) {
        return new AlertSnapshot(LocalDate.parse(today), List.of(), List.of(), undecided);
    }

    /** One evaluation against the alerts standing before it; returns the alerts standing after it. */
    private Set<AlertKey> evaluate(AlertSnapshot snapshot, Set<AlertKey> standing, List<AlertCondition> raisedLog) {
        AlertRules.Reconciliation<AlertKey> changes = AlertRules.reconcile(rules.conditions(snapshot), standing,
                Function.identity());
        Set<AlertKey> after = new HashSet<>(standing);
        after.removeAll(changes.toResolve());
        changes.toRaise().forEach(c -> after.add(c.key()));
        raisedLog.addAll(changes.toRaise());
        return after;
    }

    @ParameterizedTest(name = "waiting since {0}, evaluated {1}: raised {2} ({3} WD)")
    @CsvSource(nullValues = "none", value = {
            "2024-03-04, 2024-03-04, false, none",   // same day: 0 WD
            "2024-03-01, 2024-03-08, false, none",   // Fri to Fri: 5 WD, exactly at the limit
            "2024-03-01, 2024-03-09, false, none",   // Saturday adds nothing
            "2024-03-01, 2024-03-10, false, none",   // nor Sunday
            "2024-03-01, 2024-03-11, true,  6",      // Monday is the 6th WD
            "2024-03-02, 2024-03-08, false, none",   // waiting since a Saturday: Friday is the 5th WD
            "2024-03-02, 2024-03-11, true,  6",
            "2024-03-20, 2024-03-27, false, none",   // Thu 20 Mar: 5 WD on Wed 27 Mar
            "2024-03-20, 2024-03-28, true,  6",      // Thu 28 Mar, the day before Good Friday
            "2024-03-25, 2024-03-29, false, none",   // Good Friday is no working day (3 WD)
            "2024-03-25, 2024-04-01, false, none",   // nor Easter Monday (3 WD)
            "2024-03-25, 2024-04-03, false, none",   // 5 WD across Easter: at the limit
            "2024-03-25, 2024-04-04, true,  6",      // one more WD raises
            "2023-12-20, 2023-12-29, false, none",   // Christmas and Boxing Day skipped: 5 WD
            "2023-12-20, 2024-01-01, false, none",   // New Year's Day skipped
            "2023-12-20, 2024-01-02, true,  6",
            "2024-03-01, 2024-04-04, true,  22",   // five weeks less Good Friday and Easter Monday
    })
    void aCaseWaitingMoreThanTheLimitOfWorkingDaysRaises(String since, String today, boolean raised, Integer days) {
        AlertSnapshot.WaitingCase waitingCase = waitingSince(since);
        Map<AlertKey, AlertCondition> conditions = rules.conditions(snapshot(today, List.of(waitingCase), List.of()));
        AlertKey key = new AlertKey(AlertKind.CASE_UNALLOCATED_TOO_LONG, waitingCase.caseId().toString());
        assertEquals(raised, conditions.containsKey(key));
        if (raised) {
            AlertCondition condition = conditions.get(key);
            assertEquals(days, condition.value());
            assertEquals(5, condition.threshold());
            assertEquals(TEAM, condition.team());
            assertEquals(AlertSubject.CASE, condition.subjectType());
            assertEquals(waitingCase.childRef(), condition.childRef());
            assertEquals("Unallocated for " + days + " working days since " + since + ", more than the limit of 5.",
                    condition.detail());
        }
    }

    @Test
    void timePassingAloneRaisesOnceOnTheFirstWorkingDayPastTheLimit() {
        List<AlertSnapshot.WaitingCase> queue = List.of(waitingSince("2024-03-25"));
        Set<AlertKey> standing = Set.of();
        List<AlertCondition> raised = new ArrayList<>();
        for (String day : List.of("2024-03-28", "2024-03-29", "2024-03-30", "2024-03-31", "2024-04-01",
                "2024-04-02", "2024-04-03")) {
            standing = evaluate(snapshot(day, queue, List.of()), standing, raised);
            assertTrue(raised.isEmpty(), "nothing raised by " + day);
        }
        for (String day : List.of("2024-04-04", "2024-04-05", "2024-04-06", "2024-04-08")) {
            standing = evaluate(snapshot(day, queue, List.of()), standing, raised);
        }
        assertEquals(1, raised.size());
        assertEquals(6, raised.get(0).value());
        assertEquals(Set.of(raised.get(0).key()), standing);
    }

    @Test
    void allocatingTheCaseResolvesItsAlert() {
        AlertSnapshot.WaitingCase waitingCase = waitingSince("2024-03-01");
        Set<AlertKey> standing = evaluate(snapshot("2024-03-12", List.of(waitingCase), List.of()), Set.of(),
                new ArrayList<>());
        AlertKey key = new AlertKey(AlertKind.CASE_UNALLOCATED_TOO_LONG, waitingCase.caseId().toString());
        assertEquals(Set.of(key), standing);

        AlertRules.Reconciliation<AlertKey> afterAllocation = AlertRules.reconcile(
                rules.conditions(snapshot("2024-03-12", List.of(), List.of())), standing, Function.identity());
        assertEquals(List.of(key), afterAllocation.toResolve());
        assertTrue(afterAllocation.toRaise().isEmpty());
    }

    @Test
    void evaluatingTwiceChangesNothingTheSecondTime() {
        AlertSnapshot snapshot = snapshot("2024-03-12",
                IntStream.range(0, 21).mapToObj(i -> waitingSince("2024-03-01")).toList(),
                List.of(worker("sw-full", 18, 1.0, null)));
        List<AlertCondition> raised = new ArrayList<>();
        Set<AlertKey> standing = evaluate(snapshot, Set.of(), raised);
        assertEquals(23, raised.size());   // 21 cases, the queue, the worker

        AlertRules.Reconciliation<AlertKey> again = AlertRules.reconcile(rules.conditions(snapshot), standing,
                Function.identity());
        assertTrue(again.changesNothing());
    }

    @ParameterizedTest(name = "{0} waiting -> raised {1}")
    @CsvSource({ "0, false", "19, false", "20, false", "21, true", "40, true" })
    void aQueueAboveTheThresholdRaises(int waitingCases, boolean raised) {
        List<AlertSnapshot.WaitingCase> queue = IntStream.range(0, waitingCases)
                .mapToObj(i -> waitingSince("2024-03-11")).toList();
        Map<AlertKey, AlertCondition> conditions = rules.conditions(snapshot("2024-03-11", queue, List.of()));
        AlertCondition condition = conditions.get(new AlertKey(AlertKind.QUEUE_ABOVE_THRESHOLD, TEAM));
        assertEquals(raised, condition != null);
        if (raised) {
            assertEquals(waitingCases, condition.value());
            assertEquals(20, condition.threshold());
            assertEquals(AlertSubject.TEAM, condition.subjectType());
            assertEquals(TEAM, condition.team());
            assertNull(condition.childRef());
        }
    }

    @Test
    void queuesAreCountedPerTeam() {
        List<AlertSnapshot.WaitingCase> queue = new ArrayList<>();
        IntStream.range(0, 15).forEach(i -> queue.add(new AlertSnapshot.WaitingCase(UUID.randomUUID(), "c" + i,
                "south", LocalDate.parse("2024-03-11"))));
        IntStream.range(0, 15).forEach(i -> queue.add(waitingSince("2024-03-11")));
        assertTrue(rules.conditions(snapshot("2024-03-11", queue, List.of())).isEmpty());
    }

    @ParameterizedTest(name = "{0} cases at {1} FTE, own threshold {2} -> raised {3}")
    @CsvSource(nullValues = "none", value = {
            "17, 1.0, none, false, none",
            "18, 1.0, none, true,  18",   // exactly at threshold is red, and raises
            "19, 1.0, none, true,  18",
            "8,  0.5, none, false, none",
            "9,  0.5, none, true,  9",    // 18 per FTE at half time
            "14, 0.8, none, false, none", // 17.5 per FTE
            "15, 0.8, none, true,  15",   // 18.75 per FTE; red from 14.4, so from 15 whole cases
            "1,  0.5, 2,    true,  1",    // own threshold 2 per FTE
            "0,  0.5, 2,    false, none",
    })
    void aWorkerAtOrOverTheirThresholdRaises(int cases, double fte, Double own, boolean raised, Integer threshold) {
        Map<AlertKey, AlertCondition> conditions = rules.conditions(
                snapshot("2024-03-11", List.of(), List.of(worker("sw-1", cases, fte, own))));
        AlertCondition condition = conditions.get(new AlertKey(AlertKind.CASELOAD_OVER_THRESHOLD, "sw-1"));
        assertEquals(raised, condition != null);
        if (raised) {
            assertEquals(cases, condition.value());
            assertEquals(threshold, condition.threshold());
            assertEquals(AlertSubject.WORKER, condition.subjectType());
            assertNull(condition.childRef());
        }
    }

    @Test
    void theCaseloadAlertSaysWhyInNumbers() {
        AlertCondition condition = rules.conditions(
                snapshot("2024-03-11", List.of(), List.of(worker("sw-1", 9, 0.5, null)))).values().iterator().next();
        assertEquals("Holds 9 cases at 0.5 FTE, 18 per FTE, at or over the threshold of 18 per FTE.",
                condition.detail());
    }

    @Test
    void aWorkerWhoHoldsNoCasesByRoleIsNeverOverThreshold() {
        AlertSnapshot.WorkerCaseload manager = new AlertSnapshot.WorkerCaseload("tm-1", TEAM, false, 1.0, null, 30);
        assertTrue(rules.conditions(snapshot("2024-03-11", List.of(), List.of(manager))).isEmpty());
    }

    @Test
    void aWorkerBackUnderThresholdIsResolvedAndOthersAreLeftStanding() {
        Set<AlertKey> standing = evaluate(snapshot("2024-03-11", List.of(),
                List.of(worker("sw-1", 18, 1.0, null), worker("sw-2", 20, 1.0, null))), Set.of(), new ArrayList<>());
        AlertRules.Reconciliation<AlertKey> changes = AlertRules.reconcile(rules.conditions(snapshot("2024-03-12",
                List.of(), List.of(worker("sw-1", 17, 1.0, null), worker("sw-2", 19, 1.0, null)))), standing,
                Function.identity());
        assertEquals(List.of(new AlertKey(AlertKind.CASELOAD_OVER_THRESHOLD, "sw-1")), changes.toResolve());
        assertTrue(changes.toRaise().isEmpty());
    }

    @Test
    void aSecondActiveAlertForOneConditionIsResolved() {
        AlertSnapshot.WaitingCase waitingCase = waitingSince("2024-03-01");
        AlertKey key = new AlertKey(AlertKind.CASE_UNALLOCATED_TOO_LONG, waitingCase.caseId().toString());
        record Row(int id, AlertKey key) {
        }
        AlertRules.Reconciliation<Row> changes = AlertRules.reconcile(
                rules.conditions(snapshot("2024-03-12", List.of(waitingCase), List.of())),
                List.of(new Row(1, key), new Row(2, key)), Row::key);
        assertEquals(List.of(new Row(2, key)), changes.toResolve());
        assertTrue(changes.toRaise().isEmpty());
    }

    @Test
    void detailsCarryNoChildReferenceNorCaseId() {
        List<AlertSnapshot.WaitingCase> queue = IntStream.range(0, 21).mapToObj(i -> waitingSince("2024-03-01"))
                .toList();
        Map<AlertKey, AlertCondition> conditions = rules.conditions(snapshot("2024-03-12", queue, List.of()));
        assertEquals(22, conditions.size());
        for (AlertCondition condition : conditions.values()) {
            for (AlertSnapshot.WaitingCase waitingCase : queue) {
                assertFalse(condition.detail().contains(waitingCase.childRef()), condition.detail());
                assertFalse(condition.detail().contains(waitingCase.caseId().toString()), condition.detail());
            }
        }
    }

    @ParameterizedTest(name = "decision due by {0}, evaluated {1}: raised {2} ({3} WD overdue)")
    @CsvSource(nullValues = "none", value = {
            "2024-03-05, 2024-03-04, false, none",   // not due yet
            "2024-03-05, 2024-03-05, false, none",   // due today: not overdue until the day is over
            "2024-03-05, 2024-03-06, true,  1",      // the working day after
            "2024-03-05, 2024-03-08, true,  3",
            "2024-03-08, 2024-03-09, true,  0",      // due Friday: overdue on Saturday, no working day lost yet
            "2024-03-08, 2024-03-10, true,  0",      // nor on Sunday
            "2024-03-08, 2024-03-11, true,  1",      // Monday is the first working day overdue
            "2024-03-08, 2024-03-12, true,  2",
            "2024-03-28, 2024-04-02, true,  1",      // Good Friday and Easter Monday skipped
    })
    void aContactNotDecidedByItsDueDateRaises(String due, String today, boolean raised, Integer days) {
        AlertSnapshot.UndecidedContact contact = contactDueBy(due);
        Map<AlertKey, AlertCondition> conditions = rules.conditions(contacts(today, List.of(contact)));
        AlertCondition condition = conditions.get(
                new AlertKey(AlertKind.CONTACT_DECISION_OVERDUE, contact.contactId().toString()));
        assertEquals(raised, condition != null);
        if (raised) {
            assertEquals(days, condition.value());
            assertEquals(0, condition.threshold());
            assertEquals(TEAM, condition.team());
            assertEquals(AlertSubject.CONTACT, condition.subjectType());
            assertEquals(contact.childRef(), condition.childRef());
            assertEquals("Not decided by its due date " + due + ", " + days + " working day" + (days == 1 ? "" : "s")
                    + " overdue.", condition.detail());
            assertFalse(condition.detail().contains(contact.childRef()));
            assertFalse(condition.detail().contains(contact.contactId().toString()));
        }
    }

    @Test
    void anOverdueContactIsRaisedOnceWhileItWaits() {
        List<AlertSnapshot.UndecidedContact> undecided = List.of(contactDueBy("2024-03-08"));
        Set<AlertKey> standing = Set.of();
        List<AlertCondition> raised = new ArrayList<>();
        for (String day : List.of("2024-03-08", "2024-03-09", "2024-03-10", "2024-03-11", "2024-03-12")) {
            standing = evaluate(contacts(day, undecided), standing, raised);
        }
        assertEquals(1, raised.size());
        assertEquals(AlertKind.CONTACT_DECISION_OVERDUE, raised.get(0).kind());
        assertEquals(Set.of(raised.get(0).key()), standing);
    }

    @Test
    void decidingTheContactResolvesItsAlert() {
        AlertSnapshot.UndecidedContact contact = contactDueBy("2024-03-05");
        Set<AlertKey> standing = evaluate(contacts("2024-03-07", List.of(contact)), Set.of(), new ArrayList<>());
        AlertKey key = new AlertKey(AlertKind.CONTACT_DECISION_OVERDUE, contact.contactId().toString());
        assertEquals(Set.of(key), standing);

        AlertRules.Reconciliation<AlertKey> afterDecision = AlertRules.reconcile(
                rules.conditions(contacts("2024-03-07", List.of())), standing, Function.identity());
        assertEquals(List.of(key), afterDecision.toResolve());
        assertTrue(afterDecision.toRaise().isEmpty());
    }

    @Test
    void teamLoadsAreTheGaugeReadings() {
        List<AlertSnapshot.WaitingCase> queue = List.of(waitingSince("2024-03-01"), waitingSince("2024-03-08"),
                new AlertSnapshot.WaitingCase(UUID.randomUUID(), "c", "south", LocalDate.parse("2024-03-11")));
        List<AlertSnapshot.WorkerCaseload> workers = List.of(worker("sw-1", 18, 1.0, null),
                worker("sw-2", 3, 1.0, null), new AlertSnapshot.WorkerCaseload("sw-3", "west", true, 1.0, null, 0));
        assertEquals(List.of(new TeamLoad(TEAM, 2, 6, 1), new TeamLoad("south", 1, 0, 0),
                new TeamLoad("west", 0, 0, 0)),
                TeamLoad.of(snapshot("2024-03-11", queue, workers), waiting, caseloads));
    }
}
