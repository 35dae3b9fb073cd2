package org.frontdoor.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.frontdoor.clocks.RuleSets;
import org.junit.jupiter.api.Test;

/** A filter takes its clock limits from the requested rule set and refuses a backwards period. */
class IndicatorFilterTest {

    private static final LocalDate MONDAY = LocalDate.parse("2024-03-04");

    @Test
    void theContactDecisionLimitComesFromTheRequestedRuleSet() {
        assertEquals(1, new IndicatorFilter(MONDAY, MONDAY, null, null, RuleSets.WT2023).contactDecisionLimit());
        assertEquals(1, new IndicatorFilter(MONDAY, MONDAY, null, null, RuleSets.WT2010).contactDecisionLimit());
    }

    @Test
    void aPeriodCannotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> new IndicatorFilter(MONDAY, MONDAY.minusDays(1), null, null, RuleSets.WT2023));
    }
}
