package org.frontdoor.metrics.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.repository.IndicatorRepository;
import org.frontdoor.metrics.repository.IndicatorRepository.Definition;

/**
 * The rollup statements, generated from the period indicators' {@link Definition}s so that each indicator
 * is still stated once: for a set of days of one fact table, the rows of {@code indicator_day} (items and
 * numerator per code, rule set, day, team and source) or, for an indicator with a median, of
 * {@code indicator_hist_day} (items per working days), grouped exactly as the direct aggregate filters.
 *
 * <p>An expression that reads differently under the rule sets is rolled up once per rule set; one that reads
 * the same is rolled up once as rule set {@value #ANY_RULE_SET}. A rolled-up expression must not depend on
 * configuration (the local targets): the only configured limit, the allocation target, sits in the numerator
 * of a histogram indicator, which is evaluated over the histogram at query time.
 */
public final class RollupSql {

    /** The rule set of a rolled-up row whose expression is the same under every rule set. */
    public static final String ANY_RULE_SET = "*";

    /**
     * Where a statement's period column meets the stale days: {@link #someDays()} binds them as {@code :days},
     * {@link #everyDay()} recomputes every day of the table (cheaper than matching most of them one by one).
     */
    private static final String DAYS = "{days}";

    private static final String MEDIAN = "percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)";
    private static final LocalTargets OTHER_TARGETS = new LocalTargets(
            LocalTargets.DEFAULT.allocationWorkingDays() + 1, BigDecimal.ONE);

    /** A histogram indicator: its numerator rewritten over {@code working_days}, to evaluate at query time. */
    public record Histogram(IndicatorCode code, String numeratorOverWorkingDays) {
    }

    private final Map<String, List<String>> dayInserts = new LinkedHashMap<>();
    private final Map<String, List<String>> histInserts = new LinkedHashMap<>();
    private final Map<IndicatorCode, Histogram> histograms = new LinkedHashMap<>();
    private final Set<String> stepTables = new LinkedHashSet<>();
    private final String markSteps;

    public RollupSql(List<Definition> definitions) {
        Map<String, List<Definition>> scans = new LinkedHashMap<>();
        for (Definition definition : definitions) {
            scans.computeIfAbsent(definition.scanKey(), key -> new ArrayList<>()).add(definition);
        }
        List<String> stepPeriods = new ArrayList<>();
        for (List<Definition> scan : scans.values()) {
            Definition first = scan.get(0);
            String where = independent(first.where(), first.code() + " where");
            List<String> days = new ArrayList<>();
            List<String> hist = new ArrayList<>();
            for (Definition definition : scan) {
                if (definition.measures().isEmpty()) {
                    for (Map.Entry<String, String> entry : perRuleSet(definition.numerator()).entrySet()) {
                        days.add("('" + definition.code().name() + "', '" + entry.getKey() + "', COALESCE(("
                                + entry.getValue() + "), false))");
                    }
                } else {
                    histogram(definition);
                    for (Map.Entry<String, String> entry : perRuleSet(definition.workingDays()).entrySet()) {
                        hist.add("('" + definition.code().name() + "', '" + entry.getKey() + "', ("
                                + entry.getValue() + ")::integer)");
                    }
                }
            }
            String from = " FROM " + source(first) + " CROSS JOIN LATERAL (VALUES ";
            String filter = " WHERE f." + first.period() + " " + DAYS + " AND (" + where + ")";
            if (!days.isEmpty()) {
                dayInserts.computeIfAbsent(first.table(), t -> new ArrayList<>()).add(
                        "INSERT INTO indicator_day (fact_table, code, rule_set, day, team, source, items, numerator) "
                                + "SELECT '" + first.table() + "', v.rollup_code, v.rollup_rule_set, f."
                                + first.period() + ", f.team, f.source, count(*), "
                                + "count(*) FILTER (WHERE v.rollup_numerator)" + from + String.join(", ", days)
                                + ") AS v (rollup_code, rollup_rule_set, rollup_numerator)" + filter
                                + " GROUP BY 2, 3, 4, 5, 6");
            }
            if (!hist.isEmpty()) {
                histInserts.computeIfAbsent(first.table(), t -> new ArrayList<>()).add(
                        "INSERT INTO indicator_hist_day (fact_table, code, rule_set, day, team, source, working_days, n) "
                                + "SELECT '" + first.table() + "', v.rollup_code, v.rollup_rule_set, f."
                                + first.period() + ", f.team, f.source, v.rollup_working_days, count(*)" + from
                                + String.join(", ", hist)
                                + ") AS v (rollup_code, rollup_rule_set, rollup_working_days)" + filter
                                + " GROUP BY 2, 3, 4, 5, 6, 7");
            }
            if (!first.ownSource()) {
                stepTables.add(first.table());
                stepPeriods.add("SELECT '" + first.table() + "', " + first.period() + " FROM " + first.table()
                        + " WHERE " + first.period() + " IS NOT NULL AND case_id IN (SELECT case_id FROM changed)");
            }
        }
        markSteps = stepPeriods.isEmpty() ? null
                : "WITH changed AS (DELETE FROM rollup_dirty_case RETURNING case_id), "
                        // The month-end counts of ASSESSMENTS_OVERDUE group by the case's source too.
                        + "assessments AS (" + AssessmentMonthEnds.MARK_CASES + ") "
                        + "INSERT INTO rollup_dirty (fact_table, day) " + String.join(" UNION ", stepPeriods);
    }

    /** The statements that fill {@code indicator_day} for some days or every day ({@link #someDays()}). */
    public List<String> dayInserts(String table, String days) {
        return dayInserts.getOrDefault(table, List.of()).stream().map(sql -> sql.replace(DAYS, days)).toList();
    }

    /** The statements that fill {@code indicator_hist_day}, likewise. */
    public List<String> histInserts(String table, String days) {
        return histInserts.getOrDefault(table, List.of()).stream().map(sql -> sql.replace(DAYS, days)).toList();
    }

    /** Dates as the text of a PostgreSQL date array, for a parameter cast with {@code CAST(:p AS date[])}. */
    public static String dateArray(Collection<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** The days bound as {@code :days}, a date array. */
    public static String someDays() {
        return "= ANY(CAST(:days AS date[]))";
    }

    /** Every day. */
    public static String everyDay() {
        return "IS NOT NULL";
    }

    /** Every fact table with rolled-up indicators. */
    public Set<String> tables() {
        Set<String> tables = new LinkedHashSet<>(dayInserts.keySet());
        tables.addAll(histInserts.keySet());
        return tables;
    }

    /** Tables of steps that take their case's source. */
    public Set<String> stepTables() {
        return stepTables;
    }

    /** Turns the cases marked in {@code rollup_dirty_case} into stale days of their steps; null if no steps. */
    public String markSteps() {
        return markSteps;
    }

    public Map<IndicatorCode, Histogram> histograms() {
        return histograms;
    }

    /** The rows the expressions read: the table, or a step with its case's source. */
    private static String source(Definition definition) {
        if (definition.ownSource()) {
            return definition.table() + " f";
        }
        return "(SELECT s.*, c.source AS source FROM " + definition.table()
                + " s LEFT JOIN case_fact c ON c.case_id = s.case_id) f";
    }

    private void histogram(Definition definition) {
        String median = String.format(MEDIAN, definition.workingDays());
        if (!definition.measures().keySet().equals(Set.of(IndicatorRules.MEDIAN_WORKING_DAYS))
                || !definition.measures().get(IndicatorRules.MEDIAN_WORKING_DAYS).equals(median)
                || !definition.numerator().contains(definition.workingDays())) {
            throw new IllegalStateException(definition.code() + ": only a median of the working days over a "
                    + "numerator on them can be rolled up as a histogram");
        }
        independent(definition.workingDays(), definition.code() + " working days");
        histograms.put(definition.code(), new Histogram(definition.code(),
                definition.numerator().replace(definition.workingDays(), "working_days")));
    }

    /** The expression under each rule set, or once under {@value #ANY_RULE_SET} when it is the same. */
    private static Map<String, String> perRuleSet(String expression) {
        Map<String, String> byRuleSet = new LinkedHashMap<>();
        for (RuleSet ruleSet : RuleSets.all()) {
            byRuleSet.put(ruleSet.name(), rendered(expression, ruleSet, LocalTargets.DEFAULT));
            if (!rendered(expression, ruleSet, OTHER_TARGETS).equals(byRuleSet.get(ruleSet.name()))) {
                throw new IllegalStateException("a rolled-up expression depends on configuration: " + expression);
            }
        }
        if (byRuleSet.values().stream().distinct().count() == 1) {
            return Map.of(ANY_RULE_SET, byRuleSet.values().iterator().next());
        }
        return byRuleSet;
    }

    private static String independent(String expression, String what) {
        Map<String, String> rendered = perRuleSet(expression);
        if (!rendered.containsKey(ANY_RULE_SET)) {
            throw new IllegalStateException(what + " depends on the rule set: " + expression);
        }
        return rendered.get(ANY_RULE_SET);
    }

    private static String rendered(String expression, RuleSet ruleSet, LocalTargets targets) {
        return IndicatorRepository.render(expression, new IndicatorFilter(LocalDate.EPOCH, LocalDate.EPOCH, null,
                null, ruleSet), targets);
    }
}
