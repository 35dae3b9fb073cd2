package org.frontdoor.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The indicator arithmetic of API.md with hand-checked numbers: percentages, rounding, zero denominators. */
class IndicatorTest {

    @ParameterizedTest(name = "{0} of {1} is {2} %")
    @CsvSource({
            "1, 2, 50.0",
            "0, 5, 0.0",
            "5, 5, 100.0",
            "2, 3, 66.7",
            "1, 3, 33.3",
            "1, 8, 12.5",
            "1, 7, 14.3",
            // 6.25 and 0.05 sit exactly halfway: half-up rounds them up.
            "1, 16, 6.3",
            "1, 2000, 0.1",
            "1, 2001, 0.0",
            "599, 1000, 59.9",
            "2999999, 3000000, 100.0",
    })
    void aRatioIsAPercentageRoundedHalfUpToOneDecimal(long numerator, long denominator, String expected) {
        assertEquals(new BigDecimal(expected), Indicator.percentage(numerator, denominator));
    }

    @Test
    void aRatioOverNothingHasNoValue() {
        assertNull(Indicator.percentage(0, 0));
        Indicator timeliness = Indicator.ratio(IndicatorCode.CONTACT_DECISION_TIMELINESS, 0, 0);
        assertEquals(0, timeliness.numerator());
        assertEquals(0L, timeliness.denominator());
        assertNull(timeliness.value());
    }

    @Test
    void aCountIsItsOwnValueWithoutADenominator() {
        Indicator contacts = Indicator.count(IndicatorCode.CONTACTS, 3);
        assertEquals(3, contacts.numerator());
        assertNull(contacts.denominator());
        assertEquals("3", contacts.value().toPlainString());
        assertEquals(IndicatorUnit.COUNT, contacts.unit());
    }

    @Test
    void aRatioKeepsItsNumeratorAndDenominator() {
        Indicator conversion = Indicator.ratio(IndicatorCode.CONTACT_CONVERSION, 1, 2);
        assertEquals(1, conversion.numerator());
        assertEquals(2L, conversion.denominator());
        assertEquals("50.0", conversion.value().toPlainString());
        assertEquals(IndicatorUnit.PERCENT, conversion.unit());
    }

    @ParameterizedTest(name = "{0} of {1} is refused")
    @CsvSource({ "3, 2", "-1, 2", "1, -2", "-1, -1" })
    void somethingThatIsNotAProportionIsRefused(long numerator, long denominator) {
        assertThrows(IllegalArgumentException.class, () -> Indicator.percentage(numerator, denominator));
    }

    @Test
    void aCountAndARatioCannotBeConfused() {
        assertThrows(IllegalArgumentException.class, () -> Indicator.count(IndicatorCode.RE_REFERRALS, 1));
        assertThrows(IllegalArgumentException.class, () -> Indicator.ratio(IndicatorCode.REFERRALS, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> Indicator.count(IndicatorCode.CONTACTS, -1));
    }
}
