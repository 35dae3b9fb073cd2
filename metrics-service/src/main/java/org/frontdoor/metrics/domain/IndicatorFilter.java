package org.frontdoor.metrics.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;

/**
 * Which items an indicator query counts: a period of inclusive London dates, optionally one team and one
 * source, and the rule set whose clocks decide what is in timescale.
 *
 * @param team   the item's team, or null for every team
 * @param source a census source code, or null for every source
 */
public record IndicatorFilter(LocalDate from, LocalDate to, String team, String source, RuleSet ruleSet) {

    public IndicatorFilter {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(ruleSet, "ruleSet");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period starts " + from + ", after it ends " + to);
        }
    }

    /** The contact decision clock's limit in working days under the requested rule set. */
    public int contactDecisionLimit() {
        return ruleSet.rule(RuleSets.CONTACT_DECISION.name()).limit();
    }
}
