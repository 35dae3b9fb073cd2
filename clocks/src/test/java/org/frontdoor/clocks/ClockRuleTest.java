package org.frontdoor.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-checked due dates and verdicts for the WT2023 and WT2010 rule sets. */
class ClockRuleTest {

    private static final WorkingCalendar CAL = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "{0} {1} from {2} due {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            WT2023 | CONTACT_DECISION     | 2024-01-06 | 2024-01-08 | received Saturday, due Monday
            WT2023 | CONTACT_DECISION     | 2021-12-24 | 2021-12-29 | over Christmas 2021
            WT2023 | CONTACT_DECISION     | 2021-12-31 | 2022-01-04 | over New Year 2022
            WT2023 | CONTACT_DECISION     | 2024-03-28 | 2024-04-02 | over Easter 2024
            WT2023 | ASSESSMENT           | 2023-11-20 | 2024-01-25 | 45 WD over Christmas 2023
            WT2023 | ASSESSMENT           | 2022-05-09 | 2022-07-13 | 45 WD over the Platinum Jubilee
            WT2023 | ICPC                 | 2024-04-29 | 2024-05-21 | 15 WD over early May 2024
            WT2023 | ICPC                 | 2023-04-28 | 2023-05-23 | 15 WD over 1 May and the coronation
            WT2023 | FIRST_CORE_GROUP     | 2022-09-12 | 2022-09-27 | 10 WD over the state funeral
            WT2023 | FIRST_CP_REVIEW      | 2024-01-31 | 2024-04-30 | 3 months, clamped to 30 April
            WT2023 | FIRST_CP_REVIEW      | 2023-11-30 | 2024-02-29 | 3 months into a leap February
            WT2023 | SUBSEQUENT_CP_REVIEW | 2023-08-31 | 2024-02-29 | 6 months, clamped
            WT2023 | SUBSEQUENT_CP_REVIEW | 2024-03-16 | 2024-09-16 | 6 months; weekends do not matter
            WT2010 | INITIAL_ASSESSMENT   | 2012-05-28 | 2012-06-13 | 10 WD over the Diamond Jubilee
            WT2010 | CORE_ASSESSMENT      | 2012-11-19 | 2013-01-10 | 35 WD over Christmas 2012
            WT2010 | ICPC                 | 2012-05-25 | 2012-06-19 | 15 WD over the Diamond Jubilee
            WT2010 | FIRST_CP_REVIEW      | 2012-11-30 | 2013-02-28 | 3 months, clamped
            """)
    void computesDueDates(String ruleSet, String ruleName, LocalDate anchor, LocalDate due, String why) {
        ClockRule rule = RuleSets.byName(ruleSet).rule(ruleName);
        assertEquals(due, rule.dueDate(anchor, CAL), why);
        assertTrue(rule.isWithin(anchor, due, CAL), "the due date itself is within: " + why);
        assertFalse(rule.isWithin(anchor, due.plusDays(1), CAL), "the day after is late: " + why);
    }

    @ParameterizedTest(name = "{0} from {1} done {2}: within? {3}")
    @CsvSource(delimiter = '|', textBlock = """
            CONTACT_DECISION     | 2024-01-06 | 2024-01-07 | true
            CONTACT_DECISION     | 2024-01-06 | 2024-01-08 | true
            CONTACT_DECISION     | 2024-01-06 | 2024-01-09 | false
            CONTACT_DECISION     | 2023-05-05 | 2023-05-09 | true
            CONTACT_DECISION     | 2023-05-05 | 2023-05-10 | false
            ASSESSMENT           | 2023-11-20 | 2024-01-25 | true
            ASSESSMENT           | 2023-11-20 | 2024-01-26 | false
            ASSESSMENT           | 2023-11-20 | 2024-01-27 | false
            FIRST_CP_REVIEW      | 2024-01-31 | 2024-04-30 | true
            FIRST_CP_REVIEW      | 2024-01-31 | 2024-05-01 | false
            FIRST_CP_REVIEW      | 2024-01-31 | 2024-01-15 | true
            SUBSEQUENT_CP_REVIEW | 2024-03-16 | 2024-09-16 | true
            SUBSEQUENT_CP_REVIEW | 2024-03-16 | 2024-09-17 | false
            """)
    void judgesWithin(String ruleName, LocalDate anchor, LocalDate done, boolean within) {
        assertEquals(within, RuleSets.WT2023.rule(ruleName).isWithin(anchor, done, CAL));
    }

    @ParameterizedTest(name = "referral {0} uses {1}")
    @CsvSource({
        "2010-01-01, WT2010",
        "2013-04-14, WT2010",
        "2013-04-15, WT2023",
        "2024-07-01, WT2023",
    })
    void choosesTheRuleSetInForce(LocalDate referral, String expected) {
        assertEquals(expected, RuleSets.inForceOn(referral).name());
    }

    @ParameterizedTest(name = "byName({0})")
    @CsvSource({"WT2023, WT2023", "wt2023, WT2023", "Wt2010, WT2010", "' wt2010 ', WT2010"})
    void findsRuleSetsByNameIgnoringCase(String asked, String expected) {
        assertSame(RuleSets.byName(expected), RuleSets.byName(asked));
        assertEquals(expected, RuleSets.byName(asked).name());
    }

    @Test
    void unknownRuleSetNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSets.byName("WT2018"));
        assertEquals("unknown rule set 'WT2018'; valid rule sets are [WT2023, WT2010]", e.getMessage());
    }

    @Test
    void ruleSetsHoldTheStatutoryRules() {
        assertEquals(List.of(RuleSets.WT2023, RuleSets.WT2010), RuleSets.all());
        assertEquals(List.of("CONTACT_DECISION", "ASSESSMENT", "ICPC", "FIRST_CORE_GROUP", "FIRST_CP_REVIEW",
                "SUBSEQUENT_CP_REVIEW"), names(RuleSets.WT2023));
        assertEquals(List.of("CONTACT_DECISION", "INITIAL_ASSESSMENT", "CORE_ASSESSMENT", "ICPC",
                "FIRST_CORE_GROUP", "FIRST_CP_REVIEW", "SUBSEQUENT_CP_REVIEW"), names(RuleSets.WT2010));
        assertEquals(LocalDate.of(2013, 4, 15), RuleSets.WT2023_IN_FORCE_FROM);
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3} from {4}")
    @CsvSource({
        "CONTACT_DECISION,     1,  WORKING_DAYS, CONTACT_RECEIVED",
        "ASSESSMENT,           45, WORKING_DAYS, REFERRAL",
        "INITIAL_ASSESSMENT,   10, WORKING_DAYS, REFERRAL",
        "CORE_ASSESSMENT,      35, WORKING_DAYS, CORE_ASSESSMENT_START",
        "ICPC,                 15, WORKING_DAYS, STRATEGY_DISCUSSION",
        "FIRST_CORE_GROUP,     10, WORKING_DAYS, ICPC",
        "FIRST_CP_REVIEW,      3,  MONTHS,       ICPC",
        "SUBSEQUENT_CP_REVIEW, 6,  MONTHS,       PREVIOUS_CP_REVIEW",
    })
    void rulesHaveTheirStatutoryLimits(String name, int limit, ClockUnit unit, ClockAnchor anchor) {
        ClockRule rule = RuleSets.all().stream()
                .flatMap(set -> set.find(name).stream())
                .findFirst()
                .orElseThrow();
        assertEquals(limit, rule.limit());
        assertEquals(unit, rule.unit());
        assertEquals(anchor, rule.anchor());
    }

    @Test
    void ruleSetLookUp() {
        assertEquals(Optional.of(RuleSets.ASSESSMENT), RuleSets.WT2023.find("ASSESSMENT"));
        assertEquals(Optional.empty(), RuleSets.WT2023.find("INITIAL_ASSESSMENT"));
        assertEquals(Optional.empty(), RuleSets.WT2010.find("ASSESSMENT"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RuleSets.WT2010.rule("ASSESSMENT"));
        assertTrue(e.getMessage().startsWith("rule set WT2010 has no rule ASSESSMENT"), e.getMessage());
    }

    @Test
    void rejectsInvalidRules() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClockRule(" ", ClockAnchor.REFERRAL, "x", 1, ClockUnit.WORKING_DAYS));
        assertThrows(IllegalArgumentException.class,
                () -> new ClockRule("X", ClockAnchor.REFERRAL, "", 1, ClockUnit.WORKING_DAYS));
        assertThrows(IllegalArgumentException.class,
                () -> new ClockRule("X", ClockAnchor.REFERRAL, "x", -1, ClockUnit.WORKING_DAYS));
        assertThrows(NullPointerException.class,
                () -> new ClockRule("X", null, "x", 1, ClockUnit.WORKING_DAYS));
        assertThrows(NullPointerException.class,
                () -> new ClockRule("X", ClockAnchor.REFERRAL, "x", 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RuleSet("DUP", List.of(RuleSets.ICPC, RuleSets.ICPC)));
        assertThrows(IllegalArgumentException.class, () -> new RuleSet("", List.of()));
    }

    @Test
    void zeroLimitIsDueOnTheAnchorDay() {
        ClockRule sameDay = new ClockRule("SAME_DAY", ClockAnchor.CONTACT_RECEIVED, "decision", 0,
                ClockUnit.WORKING_DAYS);
        LocalDate saturday = LocalDate.of(2024, 1, 6);
        assertEquals(saturday, sameDay.dueDate(saturday, CAL));
        assertTrue(sameDay.isWithin(saturday, LocalDate.of(2024, 1, 7), CAL));
        assertFalse(sameDay.isWithin(saturday, LocalDate.of(2024, 1, 8), CAL));
    }

    private static List<String> names(RuleSet set) {
        return set.rules().stream().map(ClockRule::name).toList();
    }
}
