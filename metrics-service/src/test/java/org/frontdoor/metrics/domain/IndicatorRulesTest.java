package org.frontdoor.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.events.ConferenceKind;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.Section47Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every indicator of DOMAIN.md §5 computed from hand-written fact rows, with answers worked out by hand on
 * the England and Wales calendar (bank holidays in May 2024: Monday 6th and Monday 27th).
 */
class IndicatorRulesTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final LocalDate MAY_1 = LocalDate.parse("2024-05-01");
    private static final LocalDate MAY_31 = LocalDate.parse("2024-05-31");

    /** One month of a front door, May 2024: what each indicator must say about it, worked out below. */
    private static final FrontDoor MAY = new FrontDoor();

    static {
        // Contacts. C1: received Friday 3rd, decided Tuesday 7th, the day after the bank holiday: 1 WD.
        MAY.contact("C1", "A", "north", "6", "2024-05-03T10:00:00Z", "2024-05-07T09:00:00Z", ContactOutcome.REFERRAL,
                true);
        // C2: received Saturday 4th, decided Tuesday 7th: only Tuesday counts, 1 WD.
        MAY.contact("C2", "X", "north", "6", "2024-05-04T11:00:00Z", "2024-05-07T15:00:00Z",
                ContactOutcome.NO_FURTHER_ACTION, false);
        // C3: received Saturday 11th, decided Monday 13th: 1 WD.
        MAY.contact("C3", "Y", "north", "2A", "2024-05-11T09:00:00Z", "2024-05-13T09:00:00Z",
                ContactOutcome.EARLY_HELP, true);
        // C4: received Monday 13th, decided Wednesday 15th: 2 WD, late.
        MAY.contact("C4", "B", "south", "2A", "2024-05-13T09:00:00Z", "2024-05-15T09:00:00Z",
                ContactOutcome.REFERRAL, true);
        // C5: received, waiting.
        MAY.contact("C5", "Z", "north", "6", "2024-05-20T09:00:00Z", null, null, false);

        // Cases. K1 (child A) is a re-referral: K0 was exactly 12 months before.
        MAY.openCase("K0", "A", "north", "6", "2023-05-07", "2023-06-01", true);
        MAY.openCase("K1", "A", "north", "6", "2024-05-07", null, null);
        // K2 (child B) is not: KB0 was 12 months and a day before.
        MAY.openCase("KB0", "B", "south", "2A", "2023-05-14", "2023-07-01", false);
        MAY.openCase("K2", "B", "south", "2A", "2024-05-15", null, null);
        // Closed in May: K3 with no step after the referral, K4 after an assessment and a plan.
        MAY.openCase("K3", "C", "north", "6", "2024-04-02", "2024-05-10", true);
        MAY.openCase("K4", "D", "north", "6", "2024-03-05", "2024-05-31", false);
        MAY.openCase("K5", "E", "north", "6", "2024-05-29", null, null);
        MAY.openCase("K6", "F", "north", "6", "2024-03-05", null, null);
        MAY.openCase("K7", "J", "north", "6", "2024-02-01", null, null);
        MAY.openCase("K8", "K", "north", "6", "2024-04-05", null, null);

        // Allocations. K1 first allocated on the 14th: 5 WD after the 7th (in time); reallocated, then its
        // worker left on the 24th and it waits again. K2 first allocated on the 23rd: 6 WD (late). K4 long before.
        MAY.allocate("K1", "sw-1", "2024-05-14T10:00:00Z");
        MAY.allocate("K1", "sw-2", "2024-05-20T10:00:00Z");
        MAY.deallocate("K1", "sw-2", "2024-05-24T10:00:00Z", "2024-05-24T10:00:00Z");
        MAY.allocate("K2", "sw-3", "2024-05-23T10:00:00Z");
        MAY.allocate("K4", "sw-1", "2024-03-06T10:00:00Z");
        MAY.worker("sw-1", "north", "1.0", true, null);
        MAY.worker("sw-2", "north", "1.0", true, null);
        MAY.worker("sw-3", "south", "0.5", true, "1.5");
        MAY.worker("sw-4", "north", "1.0", false, null);

        // Assessments: due 45 WD after the referral date, Tuesday 5 March 2024 -> Friday 10 May.
        MAY.assessment("A1", "K4", AssessmentKind.SINGLE, "2024-03-06T10:00:00Z", "2024-05-10T15:00:00Z");
        MAY.assessment("A2", "K6", AssessmentKind.SINGLE, "2024-03-07T10:00:00Z", "2024-05-13T15:00:00Z");
        // Open at the end of May: A3 due in July, A4 due 8 April (overdue), A5 due 11 June (within 10 WD).
        MAY.assessment("A3", "K1", AssessmentKind.SINGLE, "2024-05-08T10:00:00Z", null);
        MAY.assessment("A4", "K7", AssessmentKind.SINGLE, "2024-02-02T10:00:00Z", null);
        MAY.assessment("A5", "K8", AssessmentKind.SINGLE, "2024-04-08T10:00:00Z", null);

        // Section 47 enquiries completed in May: one leading to a conference, one not.
        MAY.section47("S1", "K4", "2024-05-01", "2024-05-01T15:00:00Z", "2024-05-09T15:00:00Z",
                Section47Outcome.ICPC_REQUIRED);
        MAY.section47("S2", "K6", "2024-05-01", "2024-05-01T15:00:00Z", "2024-05-20T15:00:00Z",
                Section47Outcome.NO_ICPC);

        // Conferences: IC1 14 WD after its strategy discussion (in time, a plan), IC2 16 WD (late, no plan);
        // IC3 a transfer-in and IC4 a review, neither an ICPC.
        MAY.conference("IC1", "K4", ConferenceKind.INITIAL, false, "2024-05-01", "2024-05-22T10:00:00Z",
                ConferenceOutcome.CP_PLAN);
        MAY.conference("IC2", "K6", ConferenceKind.INITIAL, false, "2024-05-01", "2024-05-24T10:00:00Z",
                ConferenceOutcome.NO_PLAN);
        MAY.conference("IC3", "K9", ConferenceKind.INITIAL, true, null, "2024-05-15T10:00:00Z",
                ConferenceOutcome.CP_PLAN);
        MAY.conference("IC4", "K4", ConferenceKind.REVIEW, false, null, "2024-05-29T10:00:00Z",
                ConferenceOutcome.NO_PLAN);

        // Plans started in May: P1 for child D, who had P0 before; P2 the transfer-in, reported as a repeat;
        // P3 a first plan. Ended in May: P4 exactly two years after its start, P5 a day short.
        MAY.plan("P0", "D", "2021-01-10", "2023-02-01", false);
        MAY.plan("P1", "D", "2024-05-22", null, false);
        MAY.plan("P2", "G", "2024-05-15", null, true);
        MAY.plan("P3", "H", "2024-05-02", null, false);
        MAY.plan("P4", "I", "2022-05-10", "2024-05-10", false);
        MAY.plan("P5", "L", "2022-05-11", "2024-05-10", false);
    }

    @ParameterizedTest(name = "{0} in May 2024 (team {1}, source {2}): {3}")
    @CsvSource(nullValues = "-", value = {
            "CONTACTS,                    -,     -,  5/-=5",
            "CONTACTS,                    north, -,  4/-=4",
            "CONTACTS,                    -,     2A, 2/-=2",
            "CONTACT_DECISION_TIMELINESS, -,     -,  3/4=75.0",
            "CONTACT_DECISION_TIMELINESS, north, -,  3/3=100.0",
            "CONTACT_DECISION_TIMELINESS, -,     2A, 1/2=50.0",
            "CONTACT_CONVERSION,          -,     -,  2/4=50.0",
            "DECISION_RATIONALE,          -,     -,  3/4=75.0",
            "REFERRALS,                   -,     -,  3/-=3",
            "REFERRALS,                   south, -,  1/-=1",
            "RE_REFERRALS,                -,     -,  1/3=33.3",
            "RE_REFERRALS,                -,     6,  1/2=50.0",
            "REFERRAL_NFA,                -,     -,  1/2=50.0",
            "ALLOCATION_TIMELINESS,       -,     -,  1/2=50.0",
            "ALLOCATION_TIMELINESS,       south, -,  0/1=0.0",
            "UNALLOCATED,                 -,     -,  5/-=5",
            "UNALLOCATED,                 south, -,  0/-=0",
            "CASELOAD,                    -,     -,  1/-=0.4",
            "CASELOAD,                    south, -,  1/-=2.0",
            "CASELOAD,                    north, -,  0/-=0.0",
            "ASSESSMENT_TIMELINESS,       -,     -,  1/2=50.0",
            "ASSESSMENTS_OVERDUE,         -,     -,  1/-=1",
            "S47_TO_ICPC,                 -,     -,  1/2=50.0",
            "ICPC_TIMELINESS,             -,     -,  1/2=50.0",
            "ICPC_TO_PLAN,                -,     -,  1/2=50.0",
            "REPEAT_CP_PLANS,             -,     -,  2/3=66.7",
            "CP_PLANS_2_YEARS,            -,     -,  1/2=50.0",
    })
    void everyIndicatorOfAMonth(IndicatorCode code, String team, String source, String expected) {
        IndicatorRules.Answer answer = MAY.rules().answer(code, filter(MAY_1, MAY_31, team, source, RuleSets.WT2023));

        assertEquals(expected, describe(answer.indicator()));
        assertItemsAgree(answer);
    }

    @Test
    void theUnallocatedWaitCountsFromTheReferralOrTheLatestDeallocation() {
        IndicatorRules.Answer answer = MAY.rules().answer(IndicatorCode.UNALLOCATED,
                filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        // K1 waits again since Friday 24th (4 WD to the 31st, over the bank holiday); K5 since its referral on
        // the 29th (2 WD); K6 since 5 March (59 WD, Easter and two May bank holidays skipped), K7 since
        // 1 February and K8 since 5 April, never allocated.
        assertEquals(Map.of("K1", 4, "K5", 2, "K6", 59, "K7", 82, "K8", 38), waits(answer));
        assertEquals(82, answer.indicator().measures().get(IndicatorRules.LONGEST_WORKING_DAYS));
        assertEquals(new BigDecimal("38.0"), answer.indicator().measures().get(IndicatorRules.MEDIAN_WORKING_DAYS));
    }

    @Test
    void allocationTimelinessAlsoGivesTheMedianWorkingDays() {
        IndicatorRules.Answer answer = MAY.rules().answer(IndicatorCode.ALLOCATION_TIMELINESS,
                filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        assertEquals(new BigDecimal("5.5"), answer.indicator().measures().get(IndicatorRules.MEDIAN_WORKING_DAYS));
        assertEquals(List.of("K1 2024-05-07..2024-05-14 5 true", "K2 2024-05-15..2024-05-23 6 false"),
                describe(answer.items()));
    }

    @Test
    void caseloadCountsCaseHoldingWorkersAndThoseOverTheirThreshold() {
        IndicatorRules.Answer all = MAY.rules().answer(IndicatorCode.CASELOAD,
                filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        // sw-1, sw-2 and sw-3 hold cases (2.5 FTE); sw-3 holds 1 case on 0.5 FTE, over their own 1.5.
        assertEquals(new BigDecimal("2.50"), all.indicator().measures().get(IndicatorRules.FTE));
        assertEquals(3, all.indicator().measures().get(IndicatorRules.WORKERS));
        assertEquals(1, all.indicator().measures().get(IndicatorRules.WORKERS_OVER_THRESHOLD));
    }

    @Test
    void assessmentsOverdueAlsoCountThoseDueWithinTenWorkingDays() {
        IndicatorRules.Answer answer = MAY.rules().answer(IndicatorCode.ASSESSMENTS_OVERDUE,
                filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        // A4 was due on 8 April, 45 WD after 1 February; on 31 May it has run 82 WD. A5 is due 11 June.
        assertEquals(List.of("A4 2024-02-01..null 82 false"), describe(answer.items()));
        assertEquals(1L, answer.indicator().measures().get(IndicatorRules.DUE_WITHIN_10_WORKING_DAYS));
        assertEquals(LocalDate.parse("2024-04-08"), MAY.assessment("A4").due(RuleSets.WT2023, CALENDAR));
        assertEquals(LocalDate.parse("2024-06-11"), MAY.assessment("A5").due(RuleSets.WT2023, CALENDAR));
    }

    @Test
    void decisionsAroundTheBankHolidayAndTheWeekendAreListedWithTheirWorkingDays() {
        IndicatorRules.Answer answer = MAY.rules().answer(IndicatorCode.CONTACT_DECISION_TIMELINESS,
                filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        assertEquals(List.of("C1 2024-05-03..2024-05-07 1 true", "C2 2024-05-04..2024-05-07 1 true",
                "C3 2024-05-11..2024-05-13 1 true", "C4 2024-05-13..2024-05-15 2 false"), describe(answer.items()));
    }

    @ParameterizedTest(name = "completed {0}: {1} WD, in timescale {2}")
    @CsvSource({
            "2024-05-10T15:00:00Z, 45, true",
            "2024-05-13T09:00:00Z, 46, false",
            // 23:30 UTC on the 12th is Monday 13th in London (summer time): the 46th working day.
            "2024-05-12T23:30:00Z, 46, false",
            "2024-05-12T22:30:00Z, 45, true",
    })
    void anAssessmentIsInTimescaleOnItsFortyFifthWorkingDayAndLateOnTheNext(String completedAt, int days,
            boolean inTime) {
        FrontDoor door = new FrontDoor();
        door.openCase("K", "A", "north", "6", "2024-03-05", null, null);
        door.assessment("A", "K", AssessmentKind.SINGLE, "2024-03-06T10:00:00Z", completedAt);

        IndicatorRules.Answer answer = door.rules().answer(IndicatorCode.ASSESSMENT_TIMELINESS,
                filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        assertEquals(1, answer.items().size());
        assertEquals(days, answer.items().get(0).workingDays());
        assertEquals(inTime, answer.items().get(0).inTimescale());
        assertEquals((inTime ? 1 : 0) + "/1=" + (inTime ? "100.0" : "0.0"), describe(answer.indicator()));
    }

    @ParameterizedTest(name = "previous referral {0}, this one {1}: re-referral {2}")
    @CsvSource({
            "2023-03-05, 2024-03-05, true",
            "2023-03-04, 2024-03-05, false",
            // Month ends: 29 February less 12 months is 28 February.
            "2023-02-28, 2024-02-29, true",
            "2023-02-27, 2024-02-29, false",
            "2024-03-05, 2024-03-05, true",
    })
    void aReReferralHasAPreviousReferralWithinTwelveMonths(LocalDate previous, LocalDate current, boolean expected) {
        FrontDoor door = new FrontDoor();
        door.openCase("K0", "A", "north", "6", previous.toString(), null, null);
        door.openCase("K1", "A", "north", "6", current.toString(), null, null);
        // The later case opened later on the same day, when the dates are equal.
        IndicatorRules.Answer answer = door.rules().answer(IndicatorCode.RE_REFERRALS,
                filter(current, current, null, null, RuleSets.WT2023));

        IndicatorItem item = answer.items().stream().filter(i -> i.id().equals(door.id("K1"))).findFirst()
                .orElseThrow();
        assertEquals(expected, item.inNumerator());
    }

    @Test
    void aTransferInConferenceIsNoIcpcButItsPlanCounts() {
        FrontDoor door = new FrontDoor();
        door.openCase("K", "G", "north", "6", "2024-04-02", null, null);
        door.conference("IC", "K", ConferenceKind.INITIAL, true, null, "2024-05-15T10:00:00Z",
                ConferenceOutcome.CP_PLAN);
        door.plan("P", "G", "2024-05-15", null, true);
        IndicatorFilter may = filter(MAY_1, MAY_31, null, null, RuleSets.WT2023);

        assertEquals("0/0=null", describe(door.rules().answer(IndicatorCode.ICPC_TIMELINESS, may).indicator()));
        assertEquals("0/0=null", describe(door.rules().answer(IndicatorCode.ICPC_TO_PLAN, may).indicator()));
        assertEquals("1/1=100.0", describe(door.rules().answer(IndicatorCode.REPEAT_CP_PLANS, may).indicator()));
    }

    @ParameterizedTest(name = "received {0}: June {1}, July {2}")
    @CsvSource({
            // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
            "2024-06-30T23:30:00Z, 0, 1",
            "2024-06-30T22:59:59Z, 1, 0",
            "2024-06-30T23:00:00Z, 0, 1",
    })
    void aPeriodEndsAtMidnightLondonTimeInSummer(String receivedAt, int june, int july) {
        FrontDoor door = new FrontDoor();
        door.contact("C", "A", "north", "6", receivedAt, null, null, false);

        assertEquals(june + "/-=" + june, describe(door.rules().answer(IndicatorCode.CONTACTS,
                filter(LocalDate.parse("2024-06-01"), LocalDate.parse("2024-06-30"), null, null, RuleSets.WT2023))
                .indicator()));
        assertEquals(july + "/-=" + july, describe(door.rules().answer(IndicatorCode.CONTACTS,
                filter(LocalDate.parse("2024-07-01"), LocalDate.parse("2024-07-31"), null, null, RuleSets.WT2023))
                .indicator()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            // Initial 10 WD from the referral; core 35 WD from its own start.
            "WT2010, 2/4=50.0, CORE1 2012-11-26 35 true|CORE2 2012-11-26 36 false|I1 2012-11-12 10 true|I2 2012-11-12 11 false",
            // Every assessment 45 WD from the referral.
            "WT2023, 3/4=75.0, CORE1 2012-11-12 45 true|CORE2 2012-11-12 46 false|I1 2012-11-12 10 true|I2 2012-11-12 11 true",
    })
    void initialAndCoreAssessmentsOnPre2013DataUnderEachRuleSet(String ruleSet, String expected, String items) {
        FrontDoor door = new FrontDoor();
        door.openCase("K", "A", "south", "6", "2012-11-12", null, null);
        door.assessment("I1", "K", AssessmentKind.INITIAL, "2012-11-13T09:00:00Z", "2012-11-26T16:00:00Z");
        door.assessment("I2", "K", AssessmentKind.INITIAL, "2012-11-13T09:00:00Z", "2012-11-27T16:00:00Z");
        door.assessment("CORE1", "K", AssessmentKind.CORE, "2012-11-26T09:30:00Z", "2013-01-17T16:00:00Z");
        door.assessment("CORE2", "K", AssessmentKind.CORE, "2012-11-26T09:30:00Z", "2013-01-18T16:00:00Z");

        IndicatorRules.Answer answer = door.rules().answer(IndicatorCode.ASSESSMENT_TIMELINESS,
                filter(LocalDate.parse("2012-11-01"), LocalDate.parse("2013-01-31"), null, null,
                        RuleSets.byName(ruleSet)));

        assertEquals(expected, describe(answer.indicator()));
        assertEquals(items, answer.items().stream()
                .map(i -> door.name(i.id()) + " " + i.anchorDate() + " " + i.workingDays() + " " + i.inTimescale())
                .sorted().collect(Collectors.joining("|")));
    }

    @Test
    void everyIndicatorIsAnsweredInDomainOrder() {
        List<IndicatorRules.Answer> answers = MAY.rules().all(filter(MAY_1, MAY_31, null, null, RuleSets.WT2023));

        assertEquals(List.of(IndicatorCode.values()), answers.stream().map(a -> a.indicator().code()).toList());
        answers.forEach(IndicatorRulesTest::assertItemsAgree);
    }

    /** The number is always what the items say: numerator = items in the numerator, denominator = items. */
    private static void assertItemsAgree(IndicatorRules.Answer answer) {
        Indicator indicator = answer.indicator();
        long inNumerator = answer.items().stream().filter(IndicatorItem::inNumerator).count();
        assertEquals(indicator.numerator(), inNumerator, indicator.code() + " numerator");
        if (indicator.denominator() != null) {
            assertEquals(indicator.denominator().longValue(), answer.items().size(), indicator.code() + " denominator");
        } else {
            assertEquals(indicator.numerator(), answer.items().size(), indicator.code() + " count");
        }
    }

    private static IndicatorFilter filter(LocalDate from, LocalDate to, String team, String source, RuleSet ruleSet) {
        return new IndicatorFilter(from, to, team, source, ruleSet);
    }

    private static String describe(Indicator indicator) {
        return indicator.numerator() + "/" + (indicator.denominator() == null ? "-" : indicator.denominator()) + "="
                + (indicator.value() == null ? "null" : indicator.value().toPlainString());
    }

    private List<String> describe(List<IndicatorItem> items) {
        return items.stream().map(i -> MAY.name(i.id()) + " " + i.anchorDate() + ".." + i.doneDate() + " "
                + i.workingDays() + " " + i.inTimescale()).toList();
    }

    private static Map<String, Integer> waits(IndicatorRules.Answer answer) {
        return answer.items().stream().collect(Collectors.toMap(i -> MAY.name(i.id()), IndicatorItem::workingDays));
    }

    /** Hand-written facts with short names for their ids. */
    static final class FrontDoor {

        private final Map<String, UUID> ids = new java.util.HashMap<>();
        private final Map<String, Facts.Case> cases = new java.util.LinkedHashMap<>();
        private final List<Facts.Contact> contacts = new ArrayList<>();
        private final List<Facts.Allocation> allocations = new ArrayList<>();
        private final List<Facts.Deallocation> deallocations = new ArrayList<>();
        private final List<Facts.Worker> workers = new ArrayList<>();
        private final Map<String, Facts.Assessment> assessments = new java.util.LinkedHashMap<>();
        private final List<Facts.Section47> enquiries = new ArrayList<>();
        private final List<Facts.Conference> conferences = new ArrayList<>();
        private final List<Facts.CpPlan> plans = new ArrayList<>();
        private int opened;

        UUID uuid(String name) {
            return ids.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(n.getBytes()));
        }

        String id(String name) {
            return uuid(name).toString();
        }

        String name(String id) {
            return ids.entrySet().stream().filter(e -> e.getValue().toString().equals(id)).map(Map.Entry::getKey)
                    .findFirst().orElse(id);
        }

        void contact(String name, String child, String team, String source, String receivedAt, String decidedAt,
                ContactOutcome outcome, boolean rationale) {
            contacts.add(new Facts.Contact(uuid(name), child, team, source, Instant.parse(receivedAt),
                    decidedAt == null ? null : Instant.parse(decidedAt), outcome, rationale));
        }

        void openCase(String name, String child, String team, String source, String referralDate, String closedDate,
                Boolean noFurtherStep) {
            LocalDate referral = LocalDate.parse(referralDate);
            cases.put(name, new Facts.Case(uuid(name), child, team, source,
                    referral.atTime(9, opened++).toInstant(java.time.ZoneOffset.UTC), referral, false,
                    closedDate == null ? null : LocalDate.parse(closedDate), noFurtherStep));
        }

        void allocate(String caseName, String worker, String at) {
            allocations.add(new Facts.Allocation(uuid(caseName), worker, cases.get(caseName).team(), Instant.parse(at)));
        }

        void deallocate(String caseName, String worker, String at, String waitingSince) {
            deallocations.add(new Facts.Deallocation(uuid(caseName), worker, Instant.parse(at),
                    waitingSince == null ? null : Instant.parse(waitingSince)));
        }

        void worker(String id, String team, String fte, boolean caseHolding, String threshold) {
            workers.add(new Facts.Worker(id, team, new BigDecimal(fte), caseHolding,
                    threshold == null ? null : new BigDecimal(threshold)));
        }

        void assessment(String name, String caseName, AssessmentKind kind, String startedAt, String completedAt) {
            Facts.Case c = cases.get(caseName);
            assessments.put(name, new Facts.Assessment(uuid(name), c.id(), c.childRef(), c.team(), kind,
                    c.referralDate(), Instant.parse(startedAt), completedAt == null ? null : Instant.parse(completedAt)));
        }

        Facts.Assessment assessment(String name) {
            return assessments.get(name);
        }

        void section47(String name, String caseName, String discussed, String startedAt, String completedAt,
                Section47Outcome outcome) {
            Facts.Case c = cases.get(caseName);
            enquiries.add(new Facts.Section47(uuid(name), c.id(), c.childRef(), c.team(), LocalDate.parse(discussed),
                    Instant.parse(startedAt), completedAt == null ? null : Instant.parse(completedAt), outcome));
        }

        void conference(String name, String caseName, ConferenceKind kind, boolean transferIn, String discussed,
                String heldAt, ConferenceOutcome outcome) {
            Facts.Case c = cases.get(caseName);
            String child = c == null ? "G" : c.childRef();
            String team = c == null ? "north" : c.team();
            conferences.add(new Facts.Conference(uuid(name), uuid(caseName), child, team, Instant.parse(heldAt), kind,
                    transferIn, null, discussed == null ? null : LocalDate.parse(discussed), outcome));
        }

        void plan(String name, String child, String start, String end, boolean repeatReported) {
            plans.add(new Facts.CpPlan(uuid(name), uuid("case-of-" + child), child, "north", LocalDate.parse(start),
                    end == null ? null : LocalDate.parse(end), repeatReported));
        }

        Facts facts() {
            return new Facts(contacts, List.copyOf(cases.values()), allocations, deallocations, workers,
                    List.copyOf(assessments.values()), enquiries, conferences, plans);
        }

        IndicatorRules rules() {
            return new IndicatorRules(facts(), CALENDAR, LocalTargets.DEFAULT);
        }
    }
}
