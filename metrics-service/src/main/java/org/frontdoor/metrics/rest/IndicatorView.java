package org.frontdoor.metrics.rest;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.frontdoor.events.Rag;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorTarget;

/**
 * An indicator as API.md shows it. {@code target} and {@code rag} are null when no target is configured;
 * {@code measures} holds what DOMAIN.md §5 reports beside the number (medians, workers over threshold).
 */
public record IndicatorView(String code, String title, long numerator, Long denominator, BigDecimal value,
        String unit, BigDecimal target, String rag,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> measures) {

    static IndicatorView of(Indicator indicator, IndicatorTarget target) {
        Rag rag = target == null ? null : target.rate(indicator.value());
        return new IndicatorView(indicator.code().name(), indicator.title(), indicator.numerator(),
                indicator.denominator(), indicator.value(), indicator.unit().label(),
                target == null ? null : target.target(), rag == null ? null : rag.name(), indicator.measures());
    }
}
