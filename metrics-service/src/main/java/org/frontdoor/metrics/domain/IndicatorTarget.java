package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.frontdoor.events.Rag;

/**
 * A local target for one indicator (DOMAIN.md §5 RAG): green on target, amber within tolerance of it, red
 * beyond.
 *
 * @param target         the value to reach
 * @param tolerance      how far short of the target is still amber, zero or more
 * @param higherIsBetter whether a value above the target is good (timeliness) or bad (re-referrals)
 */
public record IndicatorTarget(BigDecimal target, BigDecimal tolerance, boolean higherIsBetter) {

    public IndicatorTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
    }

    /** The rating of a value, or null when there is no value to rate. */
    public Rag rate(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal shortfall = higherIsBetter ? target.subtract(value) : value.subtract(target);
        if (shortfall.signum() <= 0) {
            return Rag.GREEN;
        }
        return shortfall.compareTo(tolerance) <= 0 ? Rag.AMBER : Rag.RED;
    }
}
