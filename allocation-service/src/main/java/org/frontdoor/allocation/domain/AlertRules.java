package org.frontdoor.allocation.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * The alert rules the allocation service evaluates, and the reconciliation of the conditions that hold with the
 * alerts that stand: raise the new ones, resolve the cleared ones, leave the rest. Because an alert is raised only
 * when no active alert has its key, evaluating again, on a timer or after a restart, never raises it twice.
 */
public final class AlertRules {

    private final List<AlertRule> rules;

    public AlertRules(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of DOMAIN.md §4 with the authority's limits. */
    public static AlertRules standard(WorkingCalendar calendar, WaitingPolicy waiting, CaseloadPolicy caseloads,
            int caseLimitWorkingDays, int queueThreshold) {
        return new AlertRules(List.of(new CaseUnallocatedTooLong(waiting, caseLimitWorkingDays),
                new QueueAboveThreshold(queueThreshold), new CaseloadOverThreshold(caseloads),
                new ContactDecisionOverdue(calendar)));
    }

    /** Every condition that should have an active alert now, by key. */
    public Map<AlertKey, AlertCondition> conditions(AlertSnapshot snapshot) {
        Map<AlertKey, AlertCondition> found = new LinkedHashMap<>();
        for (AlertRule rule : rules) {
            for (AlertCondition condition : rule.conditions(snapshot)) {
                if (found.putIfAbsent(condition.key(), condition) != null) {
                    throw new IllegalStateException("Two conditions for " + condition.key());
                }
            }
        }
        return found;
    }

    /**
     * Compares the conditions that hold with the alerts that stand.
     *
     * @param active the active alerts, in any representation
     * @param keyOf  the key of an active alert
     */
    public static <A> Reconciliation<A> reconcile(Map<AlertKey, AlertCondition> conditions, Collection<A> active,
            Function<A, AlertKey> keyOf) {
        Set<AlertKey> standing = new HashSet<>();
        List<A> toResolve = new ArrayList<>();
        for (A alert : active) {
            AlertKey key = keyOf.apply(alert);
            if (!conditions.containsKey(key) || !standing.add(key)) {
                toResolve.add(alert);
            }
        }
        List<AlertCondition> toRaise = conditions.values().stream().filter(c -> !standing.contains(c.key())).toList();
        return new Reconciliation<>(toRaise, toResolve);
    }

    /** What an evaluation changes: conditions to raise an alert for, and active alerts whose condition cleared. */
    public record Reconciliation<A>(List<AlertCondition> toRaise, List<A> toResolve) {

        public Reconciliation {
            toRaise = List.copyOf(toRaise);
            toResolve = List.copyOf(toResolve);
        }

        public boolean changesNothing() {
            return toRaise.isEmpty() && toResolve.isEmpty();
        }
    }
}
