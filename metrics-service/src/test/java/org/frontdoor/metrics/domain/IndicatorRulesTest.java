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
import org.frontdoor.metrics.FrontDoorFixture;
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

    /** One month of a front door, May 2024 (FrontDoorFixture): what each indicator must say about it. */
    private static final FrontDoorFixture MAY = FrontDoorFixture.may2024("");

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
            "REFERRALS,                   -,     -,  4/-=4",
            "REFERRALS,                   south, -,  1/-=1",
            "RE_REFERRALS,                -,     -,  1/4=25.0",
            "RE_REFERRALS,                -,     6,  1/2=50.0",
            "REFERRAL_NFA,                -,     -,  1/4=25.0",
            "REFERRAL_NFA,                north, -,  1/2=50.0",
            "ALLOCATION_TIMELINESS,       -,     -,  1/2=50.0",
            "ALLOCATION_TIMELINESS,       south, -,  0/1=0.0",
            "UNALLOCATED,                 -,     -,  7/-=7",
            "UNALLOCATED,                 south, -,  1/-=1",
            "UNALLOCATED,                 -,     5C, 2/-=2",
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
        // 1 February, K8 since 5 April, K9 since 14 May and K10 since 30 April, never allocated.
        assertEquals(Map.of("K1", 4, "K5", 2, "K6", 59, "K7", 82, "K8", 38, "K9", 12, "K10", 21), waits(answer));
        assertEquals(82, answer.indicator().measures().get(IndicatorRules.LONGEST_WORKING_DAYS));
        assertEquals(new BigDecimal("21.0"), answer.indicator().measures().get(IndicatorRules.MEDIAN_WORKING_DAYS));
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
                "C3 2024-05-11..2024-05-13 1 true", "C4 2024-05-13..2024-05-15 2 false"),
                describe(answer.items()).stream().sorted().toList());
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
        FrontDoorFixture door = new FrontDoorFixture("");
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
        FrontDoorFixture door = new FrontDoorFixture("");
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
        FrontDoorFixture door = new FrontDoorFixture("");
        door.openCase("K", "G", "north", "6", "2024-04-02", null, null);
        door.conference("IC", "K", ConferenceKind.INITIAL, true, null, "2024-05-15T10:00:00Z",
                ConferenceOutcome.CP_PLAN, "P", true);
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
        FrontDoorFixture door = new FrontDoorFixture("");
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
        FrontDoorFixture door = FrontDoorFixture.wt2010History("");

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
}
