package org.frontdoor.metrics.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.frontdoor.metrics.config.IndicatorsConfig;
import org.frontdoor.metrics.domain.AtRiskItem;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorItem;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.IndicatorTarget;
import org.frontdoor.metrics.domain.Interval;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.repository.IndicatorRepository;

/**
 * Answers "how is the front door doing over this period" for performance staff: period indicators as
 * SQL aggregates over the fact tables, snapshots from the items open at the end of the period, each with
 * the items behind it, its series and its rating against the local target.
 */
@ApplicationScoped
public class IndicatorService {

    /** A page of items and how many there are in all. */
    public record ItemPage(List<IndicatorItem> items, long total) {
    }

    /** One step of a series. */
    public record SeriesStep(LocalDate from, LocalDate to, Indicator indicator) {
    }

    private final IndicatorRepository repository;
    private final WorkingCalendar calendar;
    private final IndicatorsConfig config;
    private final LocalTargets localTargets;
    private final Map<IndicatorCode, IndicatorTarget> targets = new EnumMap<>(IndicatorCode.class);

    public IndicatorService(IndicatorRepository repository, WorkingCalendar calendar, IndicatorsConfig config) {
        this.repository = repository;
        this.calendar = calendar;
        this.config = config;
        this.localTargets = new LocalTargets(config.allocationWorkingDays(), config.caseloadThreshold());
        config.targets().forEach((name, target) -> {
            IndicatorCode code = IndicatorCode.find(name);
            if (code == null) {
                throw new IllegalStateException("frontdoor.indicators.targets names no indicator: " + name);
            }
            targets.put(code, new IndicatorTarget(target.target(), target.tolerance(), target.higherIsBetter()));
        });
    }

    public LocalTargets localTargets() {
        return localTargets;
    }

    /** The configured target of an indicator, or null. */
    public IndicatorTarget target(IndicatorCode code) {
        return targets.get(code);
    }

    /** Every indicator, in DOMAIN.md §5 order. */
    @Transactional
    public List<Indicator> indicators(IndicatorFilter filter) {
        Map<IndicatorCode, Indicator> period = repository.aggregate(List.of(IndicatorCode.values()), filter,
                localTargets);
        IndicatorRules snapshot = null;
        List<Indicator> indicators = new ArrayList<>();
        for (IndicatorCode code : IndicatorCode.values()) {
            if (code.shape() == IndicatorCode.Shape.PERIOD) {
                indicators.add(period.get(code));
            } else {
                if (snapshot == null) {
                    snapshot = snapshotRules(filter);
                }
                indicators.add(snapshot.answer(code, withoutSource(filter)).indicator());
            }
        }
        return indicators;
    }

    @Transactional
    public Indicator indicator(IndicatorCode code, IndicatorFilter filter) {
        if (code.shape() == IndicatorCode.Shape.PERIOD) {
            return repository.aggregate(List.of(code), filter, localTargets).get(code);
        }
        return snapshotRules(filter).answer(code, withoutSource(filter)).indicator();
    }

    /** The indicator over each step of the period; a snapshot is taken at the end of each step. */
    @Transactional
    public List<SeriesStep> series(IndicatorCode code, IndicatorFilter filter, Interval interval) {
        List<Interval.Step> steps = interval.split(filter.from(), filter.to());
        if (steps.size() > config.maxSeriesSteps()) {
            throw new InvalidFieldProblem("interval", "gives " + steps.size() + " steps over this period; at most "
                    + config.maxSeriesSteps() + " are answered, so choose a longer interval or a shorter period");
        }
        List<SeriesStep> series = new ArrayList<>();
        for (Interval.Step step : steps) {
            IndicatorFilter part = new IndicatorFilter(step.from(), step.to(), filter.team(), filter.source(),
                    filter.ruleSet());
            series.add(new SeriesStep(step.from(), step.to(), indicator(code, part)));
        }
        return series;
    }

    /** The items behind the number, a page at a time, in the order of their completion dates. */
    @Transactional
    public ItemPage items(IndicatorCode code, IndicatorFilter filter, int page, int size) {
        if (code.shape() == IndicatorCode.Shape.PERIOD) {
            Indicator indicator = repository.aggregate(List.of(code), filter, localTargets).get(code);
            long total = indicator.denominator() == null ? indicator.numerator() : indicator.denominator();
            return new ItemPage(repository.items(code, filter, localTargets, page * size, size), total);
        }
        List<IndicatorItem> all = snapshotRules(filter).answer(code, withoutSource(filter)).items();
        int from = (int) Math.min((long) page * size, all.size());
        return new ItemPage(all.subList(from, Math.min(from + size, all.size())), all.size());
    }

    /** Open items of a clocked indicator whose clock runs out within {@code within} working days, soonest first. */
    @Transactional
    public List<AtRiskItem> atRisk(IndicatorCode code, String team, int within, RuleSet ruleSet, LocalDate today) {
        if (!code.clocked()) {
            throw new NotFoundProblem("at-risk list of", code + " (an indicator without a clock)");
        }
        LocalDate until = calendar.addWorkingDays(today, within);
        List<AtRiskItem> items = new ArrayList<>();
        if (code == IndicatorCode.UNALLOCATED) {
            IndicatorFilter now = new IndicatorFilter(today, today, team, null, ruleSet);
            for (IndicatorItem waiting : snapshotRules(now).answer(code, now).items()) {
                AtRiskItem.of(waiting.id(), waiting.childRef(), waiting.team(), waiting.anchorDate(),
                        calendar.addWorkingDays(waiting.anchorDate(), localTargets.allocationWorkingDays()), today,
                        within, calendar).ifPresent(items::add);
            }
        } else {
            for (IndicatorRepository.OpenClock open : repository.openClocks(code, team, ruleSet, today, until,
                    localTargets)) {
                LocalDate due = open.dueDate() != null ? open.dueDate()
                        : calendar.addWorkingDays(open.anchorDate(), open.limit());
                AtRiskItem.of(open.id(), open.childRef(), open.team(), open.anchorDate(), due, today, within,
                        calendar).ifPresent(items::add);
            }
        }
        items.sort(AtRiskItem.SOONEST_FIRST);
        return items;
    }

    private IndicatorRules snapshotRules(IndicatorFilter filter) {
        return new IndicatorRules(repository.snapshotFacts(filter), calendar, localTargets);
    }

    /** Snapshot facts come already filtered by source, since their steps carry none of their own. */
    private static IndicatorFilter withoutSource(IndicatorFilter filter) {
        return new IndicatorFilter(filter.from(), filter.to(), filter.team(), null, filter.ruleSet());
    }
}
