package org.frontdoor.metrics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The period defaults and the 400 problems of the indicator query parameters, without booting Quarkus. */
class IndicatorQueryTest {

    @ParameterizedTest(name = "today {0}, from={1}, to={2}: {3}..{4}")
    @CsvSource({
            // Nothing given: the month ending today.
            "2024-03-31,           ,           , 2024-03-01, 2024-03-31",
            "2024-03-15,           ,           , 2024-02-16, 2024-03-15",
            "2024-03-30,           ,           , 2024-03-01, 2024-03-30",
            // Only to: the month ending then.
            "2024-06-01,           , 2024-02-29, 2024-01-30, 2024-02-29",
            // Only from: up to today.
            "2024-03-15, 2024-01-01,           , 2024-01-01, 2024-03-15",
            // Both, a single day included.
            "2024-03-15, 2024-03-04, 2024-03-04, 2024-03-04, 2024-03-04",
    })
    void anOmittedPeriodEndDefaultsSensibly(LocalDate today, String from, String to, LocalDate start, LocalDate end) {
        IndicatorFilter filter = IndicatorQuery.parse(from, to, null, null, null, today);

        assertEquals(start, filter.from());
        assertEquals(end, filter.to());
        assertEquals(RuleSets.WT2023, filter.ruleSet());
        assertNull(filter.team());
        assertNull(filter.source());
    }

    @Test
    void teamSourceAndRuleSetAreKeptAndBlankMeansAll() {
        LocalDate today = LocalDate.parse("2024-03-15");
        IndicatorFilter filter = IndicatorQuery.parse("2024-03-01", "2024-03-10", "north-mash", "6", "wt2010", today);
        assertEquals("north-mash", filter.team());
        assertEquals("6", filter.source());
        assertEquals(RuleSets.WT2010, filter.ruleSet());

        IndicatorFilter blank = IndicatorQuery.parse("", " ", "", "", "", today);
        assertNull(blank.team());
        assertNull(blank.source());
        assertEquals(today, blank.to());
    }

    @ParameterizedTest(name = "from={0} to={1} team={2} source={3} ruleSet={4}: bad {5}")
    @CsvSource({
            "2024-13-01, 2024-03-10,           ,   ,       , from",
            "04/03/2024, 2024-03-10,           ,   ,       , from",
            "2024-03-01, 2024-02-30,           ,   ,       , to",
            "2024-03-10, 2024-03-01,           ,   ,       , from",
            "2099-01-01,           ,           ,   ,       , from",
            "2024-03-01, 2024-03-10, bad team! ,   ,       , team",
            "2024-03-01, 2024-03-10,           , 11,       , source",
            "2024-03-01, 2024-03-10,           , 6a,       , source",
            "2024-03-01, 2024-03-10,           ,   , WT1999, ruleSet",
    })
    void aBadParameterIsAProblemNamingIt(String from, String to, String team, String source, String ruleSet,
            String field) {
        InvalidFieldProblem problem = assertThrows(InvalidFieldProblem.class,
                () -> IndicatorQuery.parse(from, to, team, source, ruleSet, LocalDate.parse("2024-03-15")));
        assertEquals(field, problem.field());
    }
}
