package org.frontdoor.metrics.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /indicators/{code}}: the indicator over the whole period, and over each step of it. */
public record IndicatorSeriesView(String code, String title, long numerator, Long denominator, BigDecimal value,
        String unit, BigDecimal target, String rag,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> measures, LocalDate from, LocalDate to,
        String interval, List<Step> series) {

    /** The indicator over one step of the period. */
    public record Step(LocalDate from, LocalDate to, long numerator, Long denominator, BigDecimal value,
            String rag, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> measures) {
    }
}
