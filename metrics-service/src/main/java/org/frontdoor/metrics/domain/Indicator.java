package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One indicator's answer for a period, holding the arithmetic of API.md in one place: a count is its own
 * value with no denominator; a ratio's value is a percentage to one decimal place, and has no value when
 * nothing was counted.
 *
 * @param numerator   the count, or the items meeting the indicator's condition
 * @param denominator the items counted for a ratio; null for a count or a rate
 * @param value       the count, the percentage (half-up to 0.1) or the rate; null for a ratio over nothing
 * @param measures    what DOMAIN.md §5 reports beside the number (median working days, workers over
 *                    threshold ...), by name; never null
 */
public record Indicator(IndicatorCode code, long numerator, Long denominator, BigDecimal value,
        Map<String, Object> measures) {

    public Indicator {
        Objects.requireNonNull(code, "code");
        measures = measures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    }

    public Indicator(IndicatorCode code, long numerator, Long denominator, BigDecimal value) {
        this(code, numerator, denominator, value, Map.of());
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
     * A rate such as cases per FTE: {@code numerator} items over a non-whole quantity, to one decimal
     * place, null when there is none of it.
     */
    public static Indicator rate(IndicatorCode code, long numerator, BigDecimal per) {
        if (code.unit() != IndicatorUnit.CASES_PER_FTE) {
            throw new IllegalArgumentException(code + " is not a rate");
        }
        BigDecimal value = per == null || per.signum() == 0 ? null
                : BigDecimal.valueOf(numerator).divide(per, 1, RoundingMode.HALF_UP);
        return new Indicator(code, numerator, null, value);
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

    /** The same answer with one more measure. */
    public Indicator with(String measure, Object measureValue) {
        Map<String, Object> more = new LinkedHashMap<>(measures);
        more.put(measure, measureValue);
        return new Indicator(code, numerator, denominator, value, more);
    }

    public String title() {
        return code.title();
    }

    public IndicatorUnit unit() {
        return code.unit();
    }
}
