package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One indicator's answer for a period, holding the arithmetic of API.md in one place: a count is its own
 * value with no denominator; a ratio's value is a percentage to one decimal place, and has no value when
 * nothing was counted.
 *
 * @param numerator   the count, or the items meeting the indicator's condition
 * @param denominator the items counted for a ratio; null for a count
 * @param value       the count, or the percentage (half-up to 0.1); null for a ratio over nothing
 */
public record Indicator(IndicatorCode code, long numerator, Long denominator, BigDecimal value) {

    public Indicator {
        Objects.requireNonNull(code, "code");
    }

    /** A count indicator such as {@code CONTACTS}. */
    public static Indicator count(IndicatorCode code, long count) {
        if (code.unit() != IndicatorUnit.COUNT) {
            throw new IllegalArgumentException(code + " is a ratio, not a count");
        }
        if (count < 0) {
            throw new IllegalArgumentException(code + " count must not be negative: " + count);
        }
        return new Indicator(code, count, null, BigDecimal.valueOf(count));
    }

    /** A ratio indicator such as {@code CONTACT_DECISION_TIMELINESS}: numerator out of denominator, as a percentage. */
    public static Indicator ratio(IndicatorCode code, long numerator, long denominator) {
        if (code.unit() != IndicatorUnit.PERCENT) {
            throw new IllegalArgumentException(code + " is a count, not a ratio");
        }
        return new Indicator(code, numerator, denominator, percentage(numerator, denominator));
    }

    /**
     * {@code numerator / denominator} as a percentage rounded half-up to one decimal place (2 of 3 is
     * 66.7), or null when the denominator is 0: "no decisions" is not "0 % on time".
     *
     * @throws IllegalArgumentException when either is negative or the numerator exceeds the denominator
     */
    public static BigDecimal percentage(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("not a proportion: " + numerator + " of " + denominator);
        }
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    public String title() {
        return code.title();
    }

    public IndicatorUnit unit() {
        return code.unit();
    }
}
