package org.frontdoor.clocks;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named edition of the statutory timescales (such as Working Together 2023), so that historic
 * cases are measured against the guidance that applied to them.
 */
public final class RuleSet {

    private final String name;
    private final List<ClockRule> rules;

    /**
     * @param name the rule set's name, e.g. {@code WT2023}
     * @param rules its rules, with distinct names
     * @throws IllegalArgumentException if the name is blank or two rules share a name
     */
    public RuleSet(String name, List<ClockRule> rules) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("rule set name must not be blank");
        }
        this.name = name;
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Set<String> seen = new HashSet<>();
        for (ClockRule rule : this.rules) {
            if (!seen.add(rule.name())) {
                throw new IllegalArgumentException(
                        "rule set " + name + " has more than one rule named " + rule.name());
            }
        }
    }

    /** @return the rule set's name */
    public String name() {
        return name;
    }

    /** @return its rules, in declaration order (unmodifiable) */
    public List<ClockRule> rules() {
        return rules;
    }

    /**
     * @param ruleName the rule's name (exact)
     * @return the rule, or empty if this set has none by that name
     */
    public Optional<ClockRule> find(String ruleName) {
        for (ClockRule rule : rules) {
            if (rule.name().equals(ruleName)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * @param ruleName the rule's name (exact)
     * @return the rule
     * @throws IllegalArgumentException if this set has no such rule
     */
    public ClockRule rule(String ruleName) {
        return find(ruleName).orElseThrow(() -> new IllegalArgumentException(
                "rule set " + name + " has no rule " + ruleName + "; it has "
                        + rules.stream().map(ClockRule::name).toList()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleSet that && name.equals(that.name) && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rules);
    }

    @Override
    public String toString() {
        return "RuleSet[" + name + ", " + rules.stream().map(ClockRule::name).toList() + "]";
    }
}
