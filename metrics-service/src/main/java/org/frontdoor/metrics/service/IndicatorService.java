package org.frontdoor.metrics.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

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
import org.frontdoor.metrics.domain.Facts;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.domain.SnapshotCounts;
import org.frontdoor.metrics.repository.IndicatorRepository;
import org.frontdoor.metrics.repository.SnapshotRepository;
import org.frontdoor.metrics.rollup.IndicatorRollups;
import org.frontdoor.metrics.rollup.RollupRefresher;
import org.jboss.logging.Logger;

/**
 * Answers "how is the front door doing over this period" for performance staff: period indicators from
 * the daily and monthly rollups of the fact tables (kept exact by triggers and rollup/RollupRefresher),
 * snapshots from the items open at the end of the period, each with the items behind it, its series and its
 * rating against the local target.
 */
@ApplicationScoped
public class IndicatorService {

    private static final Logger LOG = Logger.getLogger(IndicatorService.class);

    /** A page of items and how many there are in all. */
    public record ItemPage(List<IndicatorItem> items, long total) {
    }

    /** One step of a series. */
    public record SeriesStep(LocalDate from, LocalDate to, Indicator indicator) {
    }

    private final IndicatorRepository repository;
    private final SnapshotRepository snapshots;
    private final IndicatorRollups rollups;
    private final RollupRefresher refresher;
    private final WorkingCalendar calendar;
    private final IndicatorsConfig config;
    private final LocalTargets localTargets;
    private final Map<IndicatorCode, IndicatorTarget> targets = new EnumMap<>(IndicatorCode.class);

    public IndicatorService(IndicatorRepository repository, SnapshotRepository snapshots, IndicatorRollups rollups,
            RollupRefresher refresher, WorkingCalendar calendar, IndicatorsConfig config) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.rollups = rollups;
        this.refresher = refresher;
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

    /**
     * Every indicator, in DOMAIN.md §5 order. The rollups are brought up to date first, in their own
     * transaction (a full refresh may outlast a request's), then read with the snapshots in one.
     */
    public List<Indicator> indicators(IndicatorFilter filter) {
        boolean fresh = refreshRollups();
        return QuarkusTransaction.joiningExisting().call(() -> {
            Map<IndicatorCode, Indicator> period = periodIndicators(List.of(IndicatorCode.values()),
                    List.of(filter), fresh).get(0);
            Snapshot snapshot = new Snapshot(filter, fresh);
            List<Indicator> indicators = new ArrayList<>();
            for (IndicatorCode code : IndicatorCode.values()) {
                indicators.add(code.shape() == IndicatorCode.Shape.PERIOD ? period.get(code) : snapshot.get(code));
            }
            return indicators;
        });
    }

    public Indicator indicator(IndicatorCode code, IndicatorFilter filter) {
        boolean period = code.shape() == IndicatorCode.Shape.PERIOD;
        boolean fresh = refreshRollups();
        return QuarkusTransaction.joiningExisting().call(() -> period
                ? periodIndicators(List.of(code), List.of(filter), fresh).get(0).get(code)
                : new Snapshot(filter, fresh, EnumSet.of(code)).get(code));
    }

    /** The indicator over each step of the period; a snapshot is taken at the end of each step. */
    public List<SeriesStep> series(IndicatorCode code, IndicatorFilter filter, Interval interval) {
        List<Interval.Step> steps = interval.split(filter.from(), filter.to());
        if (steps.size() > config.maxSeriesSteps()) {
            throw new InvalidFieldProblem("interval", "gives " + steps.size() + " steps over this period; at most "
                    + config.maxSeriesSteps() + " are answered, so choose a longer interval or a shorter period");
        }
        List<IndicatorFilter> parts = new ArrayList<>();
        for (Interval.Step step : steps) {
            parts.add(new IndicatorFilter(step.from(), step.to(), filter.team(), filter.source(), filter.ruleSet()));
        }
        boolean period = code.shape() == IndicatorCode.Shape.PERIOD;
        boolean fresh = refreshRollups();
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Map<IndicatorCode, Indicator>> periods = period ? periodIndicators(List.of(code), parts, fresh)
                    : null;
            // A snapshot at the end of every step, read together when the standings are fresh.
            List<SnapshotCounts> snapshotSteps = !period && fresh ? snapshots.series(code, filter,
                    parts.stream().map(IndicatorFilter::to).toList(), calendar) : null;
            IndicatorRules counted = new IndicatorRules(Facts.NONE, calendar, localTargets);
            List<SeriesStep> series = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                IndicatorFilter part = parts.get(i);
                series.add(new SeriesStep(part.from(), part.to(), period ? periods.get(i).get(code)
                        : fresh ? counted.snapshot(code, withoutSource(part), snapshotSteps.get(i))
                                : new Snapshot(part, false, EnumSet.of(code)).get(code)));
            }
            return series;
        });
    }

    /** The items behind the number, a page at a time, in the order of their completion dates. */
    public ItemPage items(IndicatorCode code, IndicatorFilter filter, int page, int size) {
        if (code.shape() == IndicatorCode.Shape.PERIOD) {
            return QuarkusTransaction.joiningExisting().call(() -> {
                Indicator indicator = repository.aggregate(List.of(code), filter, localTargets).get(code);
                long total = indicator.denominator() == null ? indicator.numerator() : indicator.denominator();
                return new ItemPage(repository.items(code, filter, localTargets, (long) page * size, size), total);
            });
        }
        boolean fresh = refreshRollups();
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (fresh) {
                // The count from the standings, the page's items from that page's facts only.
                long total = new Snapshot(filter, true, EnumSet.of(code)).get(code).numerator();
                IndicatorRules rules = new IndicatorRules(snapshots.page(code, filter, (long) page * size, size),
                        calendar, localTargets);
                return new ItemPage(rules.answer(code, withoutSource(filter)).items(), total);
            }
            List<IndicatorItem> all = snapshotRules(filter, false).answer(code, withoutSource(filter)).items();
            int from = (int) Math.min((long) page * size, all.size());
            return new ItemPage(all.subList(from, Math.min(from + size, all.size())), all.size());
        });
    }

    /** Open items of a clocked indicator whose clock runs out within {@code within} working days, soonest first. */
    public List<AtRiskItem> atRisk(IndicatorCode code, String team, int within, RuleSet ruleSet, LocalDate today) {
        if (!code.clocked()) {
            throw new NotFoundProblem("at-risk list of", code + " (an indicator without a clock)");
        }
        boolean fresh = code == IndicatorCode.UNALLOCATED && refreshRollups();
        return QuarkusTransaction.joiningExisting().call(() -> atRisk(code, team, within, ruleSet, today, fresh));
    }

    private List<AtRiskItem> atRisk(IndicatorCode code, String team, int within, RuleSet ruleSet, LocalDate today,
            boolean fresh) {
        LocalDate until = calendar.addWorkingDays(today, within);
        List<AtRiskItem> items = new ArrayList<>();
        if (code == IndicatorCode.UNALLOCATED) {
            IndicatorFilter now = new IndicatorFilter(today, today, team, null, ruleSet);
            for (IndicatorItem waiting : snapshotRules(now, fresh).answer(code, now).items()) {
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

    /**
     * Brings the rollups up to date so that what is read from them is exact as of this read; false if they
     * cannot be (a rebuild holds the facts), and then the period indicators are read from the facts.
     */
    private boolean refreshRollups() {
        try {
            refresher.refresh();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Indicator rollups could not be refreshed, answering from the facts: %s", e.toString());
            return false;
        }
    }

    /** Period indicators for each filter, from the rollups when they are fresh, else from the facts. */
    private List<Map<IndicatorCode, Indicator>> periodIndicators(List<IndicatorCode> codes,
            List<IndicatorFilter> filters, boolean fresh) {
        List<Map<IndicatorCode, Indicator>> answers = new ArrayList<>();
        for (IndicatorFilter filter : filters) {
            answers.add(fresh ? rollups.aggregate(codes, filter, localTargets)
                    : repository.aggregate(codes, filter, localTargets));
        }
        return answers;
    }

    /**
     * The snapshot's open items: where each case stood from the case standings when they are fresh, else from
     * the allocation facts directly.
     */
    private IndicatorRules snapshotRules(IndicatorFilter filter, boolean fresh) {
        return new IndicatorRules(fresh ? snapshots.facts(filter) : snapshots.factsFromMoves(filter), calendar,
                localTargets);
    }

    /** The snapshot indicators as at the end of one filter's {@code to}, each read once. */
    private final class Snapshot {

        private final IndicatorFilter filter;
        private final boolean fresh;
        private final Set<IndicatorCode> codes;
        private SnapshotCounts counts;
        private IndicatorRules rules;

        /** For all three snapshot indicators. */
        Snapshot(IndicatorFilter filter, boolean fresh) {
            this(filter, fresh, EnumSet.of(IndicatorCode.UNALLOCATED, IndicatorCode.CASELOAD,
                    IndicatorCode.ASSESSMENTS_OVERDUE));
        }

        /** For these only: a series of one reads nothing for the others. */
        Snapshot(IndicatorFilter filter, boolean fresh, Set<IndicatorCode> codes) {
            this.filter = filter;
            this.fresh = fresh;
            this.codes = codes;
        }

        /** From counts the database makes when the standings are fresh, else counted from the open items. */
        Indicator get(IndicatorCode code) {
            if (fresh) {
                if (counts == null) {
                    counts = snapshots.counts(filter, calendar, codes);
                }
                return new IndicatorRules(Facts.NONE, calendar, localTargets).snapshot(code, withoutSource(filter),
                        counts);
            }
            if (rules == null) {
                rules = snapshotRules(filter, false);
            }
            return rules.answer(code, withoutSource(filter)).indicator();
        }
    }

    /** Snapshot facts come already filtered by source, since their steps carry none of their own. */
    private static IndicatorFilter withoutSource(IndicatorFilter filter) {
        return new IndicatorFilter(filter.from(), filter.to(), filter.team(), null, filter.ruleSet());
    }
}
