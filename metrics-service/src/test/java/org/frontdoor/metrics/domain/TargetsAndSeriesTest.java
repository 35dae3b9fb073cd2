package org.frontdoor.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.Rag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RAG ratings, series steps, at-risk windows and Annex A ages, worked out by hand. */
class TargetsAndSeriesTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "target {0} ±{1}, higher better {2}: {3} is {4}")
    @CsvSource({
            "86, 6, true, 90.0, GREEN",
            "86, 6, true, 86.0, GREEN",
            "86, 6, true, 85.9, AMBER",
            "86, 6, true, 80.0, AMBER",
            "86, 6, true, 79.9, RED",
            "22, 3, false, 21.0, GREEN",
            "22, 3, false, 22.0, GREEN",
            "22, 3, false, 25.0, AMBER",
            "22, 3, false, 25.1, RED",
            "100, 0, true, 99.9, RED",
    })
    void aValueIsGreenOnTargetAmberWithinToleranceAndRedBeyond(BigDecimal target, BigDecimal tolerance,
            boolean higherIsBetter, BigDecimal value, Rag expected) {
        assertEquals(expected, new IndicatorTarget(target, tolerance, higherIsBetter).rate(value));
    }

    @Test
    void noValueHasNoRatingAndANegativeToleranceIsRefused() {
        assertNull(new IndicatorTarget(BigDecimal.TEN, BigDecimal.ONE, true).rate(null));
        assertThrows(IllegalArgumentException.class,
                () -> new IndicatorTarget(BigDecimal.TEN, BigDecimal.valueOf(-1), true));
    }

    @Test
    void weeksStartOnMondayMonthsOnTheFirstAndBothAreCutToThePeriod() {
        assertEquals(List.of(step("2024-05-01", "2024-05-05"), step("2024-05-06", "2024-05-12"),
                step("2024-05-13", "2024-05-19"), step("2024-05-20", "2024-05-26"), step("2024-05-27", "2024-05-31")),
                Interval.WEEK.split(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-31")));
        assertEquals(List.of(step("2024-01-15", "2024-01-31"), step("2024-02-01", "2024-02-29"),
                step("2024-03-01", "2024-03-10")),
                Interval.MONTH.split(LocalDate.parse("2024-01-15"), LocalDate.parse("2024-03-10")));
        assertEquals(List.of(step("2024-03-10", "2024-03-10")),
                Interval.WEEK.split(LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-10")));
    }

    @ParameterizedTest(name = "due {0}, today {1}, within {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            // Thursday 2 May 2024; Monday 6 May is a bank holiday.
            "2024-05-02, 2024-05-02, 5, 0",
            "2024-05-07, 2024-05-02, 5, 2",
            "2024-05-09, 2024-05-02, 5, 4",
            "2024-05-10, 2024-05-02, 5, 5",
            "2024-05-13, 2024-05-02, 5, -",
            "2024-05-01, 2024-05-02, 5, -",
            "2024-05-07, 2024-05-02, 1, -",
    })
    void anItemIsAtRiskWhenItsDueDateIsTodayOrWithinTheWindow(LocalDate due, LocalDate today, int within,
            Integer left) {
        var item = AtRiskItem.of("id", "child", "team", due.minusDays(10), due, today, within, CALENDAR);
        assertEquals(left, item.map(AtRiskItem::workingDaysLeft).orElse(null));
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "2016-07, 2024-05-03, 7",
            "2016-07, 2024-08-01, 8",
            // In the birthday month the child may be either age: left blank.
            "2016-07, 2024-07-15, -",
            "2024-03, 2024-03-20, 0",
            "2024-03, 2025-02-28, 0",
            "-,       2024-05-03, -",
            "2024-13, 2024-05-03, -",
            "2025-01, 2024-05-03, -",
    })
    void anAnnexAAgeComesFromTheBirthMonthOnlyWhenItIsCertain(String birthMonth, LocalDate on, Integer age) {
        assertEquals(age, AnnexA.age(birthMonth, on));
    }

    @Test
    void aCsvFieldWithACommaOrQuoteIsQuoted() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",,7\r\n", AnnexA.line(java.util.Arrays.asList("a", "b,c",
                "say \"hi\"", null, 7)));
    }

    private static Interval.Step step(String from, String to) {
        return new Interval.Step(LocalDate.parse(from), LocalDate.parse(to));
    }
}
