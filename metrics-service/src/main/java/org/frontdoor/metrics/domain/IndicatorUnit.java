package org.frontdoor.metrics.domain;

/** Whether an indicator's value is a plain count, a percentage or a rate, so clients know how to show it (API.md). */
public enum IndicatorUnit {
    COUNT("count"),
    PERCENT("percent"),
    CASES_PER_FTE("cases per FTE");

    private final String label;

    IndicatorUnit(String label) {
        this.label = label;
    }

    /** The word API.md puts in an indicator's {@code unit}. */
    public String label() {
        return label;
    }
}
