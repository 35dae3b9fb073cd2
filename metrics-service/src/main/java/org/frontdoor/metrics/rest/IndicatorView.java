package org.frontdoor.metrics.rest;

import java.math.BigDecimal;

import org.frontdoor.metrics.domain.Indicator;

/**
 * An indicator as API.md shows it. {@code target} and {@code rag} are part of the contract but stay null
 * until indicators have configured targets.
 */
public record IndicatorView(String code, String title, long numerator, Long denominator, BigDecimal value,
        String unit, BigDecimal target, String rag) {

    static IndicatorView of(Indicator indicator) {
        return new IndicatorView(indicator.code().name(), indicator.title(), indicator.numerator(),
                indicator.denominator(), indicator.value(), indicator.unit().label(), null, null);
    }
}
