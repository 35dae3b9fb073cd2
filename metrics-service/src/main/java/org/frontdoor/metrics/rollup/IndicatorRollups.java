package org.frontdoor.metrics.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.IndicatorUnit;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.domain.Median;
import org.frontdoor.metrics.repository.IndicatorRepository;

/**
 * The period indicators read from the rollups: the whole months of the period from the monthly rows, the
 * days at either edge from the daily rows, for the team, source and rule set asked. The same
 * {@link Indicator}s, to the unit, as {@link IndicatorRepository#aggregate} over the facts (RollupEqualityTest).
 * Call {@link RollupRefresher#refresh()} first for an answer exact as of the read.
 */
@ApplicationScoped
public class IndicatorRollups {

    private final EntityManager entityManager;

    public IndicatorRollups(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The period indicators asked for (snapshots are ignored). */
    public Map<IndicatorCode, Indicator> aggregate(List<IndicatorCode> codes, IndicatorFilter filter,
            LocalTargets targets) {
        Map<IndicatorCode, Indicator> answers = new EnumMap<>(IndicatorCode.class);
        List<String> counted = new ArrayList<>();
        List<IndicatorCode> histograms = new ArrayList<>();
        for (IndicatorCode code : codes) {
            if (code.shape() != IndicatorCode.Shape.PERIOD) {
                continue;
            }
            if (RollupRefresher.SQL.histograms().containsKey(code)) {
                histograms.add(code);
            } else {
                counted.add(code.name());
                answers.put(code, indicator(code, 0, 0));
            }
        }
        Period period = Period.of(filter.from(), filter.to());
        if (!counted.isEmpty()) {
            for (Object row : bind(entityManager.createNativeQuery("SELECT code, sum(items), sum(numerator) FROM ("
                    + period.union("code, items, numerator", "indicator", filter) + ") r WHERE code IN (:codes) "
                    + "GROUP BY code"), period, filter).setParameter("codes", counted).getResultList()) {
                Object[] c = (Object[]) row;
                IndicatorCode code = IndicatorCode.valueOf((String) c[0]);
                answers.put(code, indicator(code, ((Number) c[2]).longValue(), ((Number) c[1]).longValue()));
            }
        }
        for (IndicatorCode code : histograms) {
            answers.put(code, histogram(code, period, filter, targets));
        }
        return answers;
    }

    private Indicator histogram(IndicatorCode code, Period period, IndicatorFilter filter, LocalTargets targets) {
        String numerator = IndicatorRepository.render(
                RollupRefresher.SQL.histograms().get(code).numeratorOverWorkingDays(), filter, targets);
        Query query = bind(entityManager.createNativeQuery("SELECT working_days, sum(n), COALESCE((" + numerator
                + "), false) FROM (" + period.union("code, working_days, n", "indicator_hist", filter)
                + ") r WHERE code = :code GROUP BY working_days"), period, filter).setParameter("code", code.name());
        long items = 0;
        long inNumerator = 0;
        TreeMap<Integer, Long> values = new TreeMap<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            long n = ((Number) c[1]).longValue();
            items += n;
            if (Boolean.TRUE.equals(c[2])) {
                inNumerator += n;
            }
            if (c[0] != null) {
                values.merge(((Number) c[0]).intValue(), n, Long::sum);
            }
        }
        return indicator(code, inNumerator, items).with(IndicatorRules.MEDIAN_WORKING_DAYS,
                Median.of(Median.ofCounts(values)));
    }

    private static Indicator indicator(IndicatorCode code, long numerator, long items) {
        return code.unit() == IndicatorUnit.COUNT ? Indicator.count(code, items)
                : Indicator.ratio(code, numerator, items);
    }

    private static Query bind(Query query, Period period, IndicatorFilter filter) {
        query.setParameter("ruleSet", filter.ruleSet().name());
        for (int i = 0; i < period.parts().size(); i++) {
            query.setParameter("from" + i, period.parts().get(i).from()).setParameter("to" + i,
                    period.parts().get(i).to());
        }
        if (filter.team() != null) {
            query.setParameter("team", filter.team());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        return query;
    }

    /**
     * A period as the fewest rollup rows: whole years, the whole months outside them, the days outside those.
     *
     * @param parts each a rollup level ({@code day}, {@code month}, {@code year}) and a range of its rows (the
     *              first day of each month or year)
     */
    record Period(List<Part> parts) {

        record Part(String level, LocalDate from, LocalDate to) {
        }

        static Period of(LocalDate from, LocalDate to) {
            List<Part> parts = new ArrayList<>();
            LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
            // The first day of the month holding the day after `to`: whole months end before it.
            LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1);
            if (!firstMonth.isBefore(afterMonths)) {
                parts.add(new Part("day", from, to));
                return new Period(parts);
            }
            if (from.isBefore(firstMonth)) {
                parts.add(new Part("day", from, firstMonth.minusDays(1)));
            }
            if (!afterMonths.isAfter(to)) {
                parts.add(new Part("day", afterMonths, to));
            }
            LocalDate firstYear = firstMonth.getDayOfYear() == 1 ? firstMonth
                    : firstMonth.withDayOfYear(1).plusYears(1);
            LocalDate afterYears = afterMonths.withDayOfYear(1);
            if (!firstYear.isBefore(afterYears)) {
                parts.add(new Part("month", firstMonth, afterMonths.minusMonths(1)));
                return new Period(parts);
            }
            if (firstMonth.isBefore(firstYear)) {
                parts.add(new Part("month", firstMonth, firstYear.minusMonths(1)));
            }
            if (afterYears.isBefore(afterMonths)) {
                parts.add(new Part("month", afterYears, afterMonths.minusMonths(1)));
            }
            parts.add(new Part("year", firstYear, afterYears.minusYears(1)));
            return new Period(parts);
        }

        /** The rows of the period from a rollup ({@code indicator} or {@code indicator_hist}). */
        String union(String columns, String kind, IndicatorFilter filter) {
            String rest = " AND rule_set IN ('" + RollupSql.ANY_RULE_SET + "', :ruleSet)"
                    + (filter.team() == null ? "" : " AND team = :team")
                    + (filter.source() == null ? "" : " AND source = :source");
            List<String> selects = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                String level = parts.get(i).level();
                selects.add("SELECT " + columns + " FROM " + kind + "_" + level + " WHERE " + level + " BETWEEN :from"
                        + i + " AND :to" + i + rest);
            }
            return String.join(" UNION ALL ", selects);
        }
    }
}
