package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.ConferenceOutcome;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.Section47Outcome;

/**
 * Every indicator of DOMAIN.md §5 computed from {@link Facts} in memory: the executable statement of what
 * each number means. The service answers the same definitions with SQL over the stored facts (the stored
 * columns are the values worked out here), and a test holds the two to the same answers.
 */
public final class IndicatorRules {

    /** The number and the items behind it; the number is always counted from these items. */
    public record Answer(Indicator indicator, List<IndicatorItem> items) {
    }

    public static final String MEDIAN_WORKING_DAYS = "medianWorkingDays";
    public static final String LONGEST_WORKING_DAYS = "longestWorkingDays";
    public static final String DUE_WITHIN_10_WORKING_DAYS = "dueWithin10WorkingDays";
    public static final String FTE = "fte";
    public static final String WORKERS = "workers";
    public static final String WORKERS_OVER_THRESHOLD = "workersOverThreshold";

    /** How far ahead ASSESSMENTS_OVERDUE also counts assessments coming due (DOMAIN.md §5). */
    public static final int DUE_SOON_WORKING_DAYS = 10;

    private final Facts facts;
    private final WorkingCalendar calendar;
    private final LocalTargets targets;
    private final Map<UUID, Facts.Case> casesById = new HashMap<>();
    private final Map<UUID, List<Facts.Allocation>> allocationsByCase = new HashMap<>();
    private final Map<UUID, List<Facts.Deallocation>> deallocationsByCase = new HashMap<>();

    public IndicatorRules(Facts facts, WorkingCalendar calendar, LocalTargets targets) {
        this.facts = facts;
        this.calendar = calendar;
        this.targets = targets;
        facts.cases().forEach(c -> casesById.put(c.id(), c));
        facts.allocations().forEach(a -> allocationsByCase.computeIfAbsent(a.caseId(), id -> new ArrayList<>()).add(a));
        facts.deallocations()
                .forEach(d -> deallocationsByCase.computeIfAbsent(d.caseId(), id -> new ArrayList<>()).add(d));
    }

    public List<Answer> all(IndicatorFilter filter) {
        List<Answer> answers = new ArrayList<>();
        for (IndicatorCode code : IndicatorCode.values()) {
            answers.add(answer(code, filter));
        }
        return answers;
    }

    public Answer answer(IndicatorCode code, IndicatorFilter filter) {
        return switch (code) {
            case CONTACTS -> count(code, contactItems(filter, c -> inPeriod(c.receivedDate(), filter), c -> true));
            case CONTACT_DECISION_TIMELINESS -> ratio(code, contactItems(filter, decided(filter),
                    c -> c.decisionWorkingDays(calendar) <= filter.contactDecisionLimit()));
            case CONTACT_CONVERSION -> ratio(code, contactItems(filter, decided(filter),
                    c -> c.outcome() == ContactOutcome.REFERRAL));
            case DECISION_RATIONALE -> ratio(code, contactItems(filter, decided(filter),
                    Facts.Contact::rationaleRecorded));
            case REFERRALS -> count(code, referralItems(filter, c -> true));
            case RE_REFERRALS -> ratio(code, referralItems(filter, c -> c.reReferralReported()
                    || previousReferrals(c) > 0));
            case REFERRAL_NFA -> ratio(code, closureItems(filter));
            case ALLOCATION_TIMELINESS -> allocationTimeliness(filter);
            case UNALLOCATED -> unallocated(filter);
            case CASELOAD -> caseload(filter);
            case ASSESSMENT_TIMELINESS -> ratio(code, assessmentItems(filter));
            case ASSESSMENTS_OVERDUE -> assessmentsOverdue(filter);
            case S47_TO_ICPC -> ratio(code, section47Items(filter));
            case ICPC_TIMELINESS -> ratio(code, icpcItems(filter, c -> c.inTimescale(calendar)));
            case ICPC_TO_PLAN -> ratio(code, icpcItems(filter, c -> c.outcome() == ConferenceOutcome.CP_PLAN));
            case REPEAT_CP_PLANS -> ratio(code, planItems(filter, true));
            case CP_PLANS_2_YEARS -> ratio(code, planItems(filter, false));
        };
    }

    /** How many referrals of the same child came within the 12 months before this one (DOMAIN.md §2). */
    public int previousReferrals(Facts.Case current) {
        return Facts.previousReferrals(current, facts.cases());
    }

    /** Whether the child had a CP plan that started before this one. */
    public boolean earlierPlan(Facts.CpPlan plan) {
        return Facts.earlierPlan(plan, facts.plans());
    }

    private Predicate<Facts.Contact> decided(IndicatorFilter filter) {
        return c -> c.decidedAt() != null && inPeriod(c.decidedDate(), filter);
    }

    private List<IndicatorItem> contactItems(IndicatorFilter filter, Predicate<Facts.Contact> counted,
            Predicate<Facts.Contact> numerator) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Contact contact : facts.contacts()) {
            if (counted.test(contact) && team(contact.team(), filter) && source(contact.source(), filter)) {
                Integer days = contact.decisionWorkingDays(calendar);
                items.add(new IndicatorItem(contact.id().toString(), contact.childRef(), contact.team(),
                        contact.receivedDate(), contact.decidedDate(), days,
                        days == null ? null : days <= filter.contactDecisionLimit(), numerator.test(contact)));
            }
        }
        return items;
    }

    private List<IndicatorItem> referralItems(IndicatorFilter filter, Predicate<Facts.Case> numerator) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Case c : facts.cases()) {
            if (c.openedAt() != null && inPeriod(c.referralDate(), filter) && team(c.team(), filter)
                    && source(c.source(), filter)) {
                items.add(new IndicatorItem(c.id().toString(), c.childRef(), c.team(), c.referralDate(),
                        c.referralDate(), null, null, numerator.test(c)));
            }
        }
        return items;
    }

    private List<IndicatorItem> closureItems(IndicatorFilter filter) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Case c : facts.cases()) {
            if (c.closedDate() != null && inPeriod(c.closedDate(), filter) && team(c.team(), filter)
                    && source(c.source(), filter)) {
                items.add(new IndicatorItem(c.id().toString(), c.childRef(), c.team(), c.referralDate(),
                        c.closedDate(), null, null,
                        Boolean.TRUE.equals(c.noFurtherStep())));
            }
        }
        return items;
    }

    private Answer allocationTimeliness(IndicatorFilter filter) {
        Map<UUID, Facts.Allocation> first = new HashMap<>();
        for (Facts.Allocation allocation : facts.allocations()) {
            first.merge(allocation.caseId(), allocation,
                    (a, b) -> a.allocatedAt().isAfter(b.allocatedAt()) ? b : a);
        }
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Case c : facts.cases()) {
            Facts.Allocation allocation = first.get(c.id());
            if (allocation != null && c.referralDate() != null && inPeriod(allocation.allocatedDate(), filter)
                    && team(c.team(), filter) && source(c.source(), filter)) {
                int days = calendar.workingDaysBetween(c.referralDate(), allocation.allocatedDate());
                boolean inTime = days <= targets.allocationWorkingDays();
                items.add(new IndicatorItem(c.id().toString(), c.childRef(), c.team(), c.referralDate(),
                        allocation.allocatedDate(), days, inTime, inTime));
            }
        }
        Answer answer = ratio(IndicatorCode.ALLOCATION_TIMELINESS, items);
        return new Answer(answer.indicator().with(MEDIAN_WORKING_DAYS,
                Median.of(items.stream().map(IndicatorItem::workingDays).toList())), answer.items());
    }

    /** Where each case stands at the end of {@code to}: its latest allocation or deallocation by then. */
    private Object standing(UUID caseId, LocalDate to) {
        Object latest = null;
        Instant latestAt = null;
        for (Facts.Allocation a : allocationsByCase.getOrDefault(caseId, List.of())) {
            if (!a.allocatedDate().isAfter(to)
                    && (latestAt == null || a.allocatedAt().isAfter(latestAt))) {
                latest = a;
                latestAt = a.allocatedAt();
            }
        }
        for (Facts.Deallocation d : deallocationsByCase.getOrDefault(caseId, List.of())) {
            if (!d.deallocatedDate().isAfter(to)
                    && (latestAt == null || d.deallocatedAt().isAfter(latestAt))) {
                latest = d;
                latestAt = d.deallocatedAt();
            }
        }
        return latest;
    }

    private boolean openAt(Facts.Case c, LocalDate to) {
        return c.openedAt() != null && !c.referralDate().isAfter(to)
                && (c.closedDate() == null || c.closedDate().isAfter(to));
    }

    private Answer unallocated(IndicatorFilter filter) {
        LocalDate to = filter.to();
        List<IndicatorItem> items = new ArrayList<>();
        TreeMap<Integer, Long> waited = new TreeMap<>();
        for (Facts.Case c : facts.cases()) {
            if (!openAt(c, to) || !team(c.team(), filter) || !source(c.source(), filter)) {
                continue;
            }
            Object standing = standing(c.id(), to);
            if (standing instanceof Facts.Allocation) {
                continue;
            }
            LocalDate since = c.referralDate();
            if (standing instanceof Facts.Deallocation d && d.waitingSince() != null) {
                since = WorkingCalendar.londonDate(d.waitingSince());
            }
            int days = calendar.workingDaysBetween(since, to);
            waited.merge(days, 1L, Long::sum);
            items.add(new IndicatorItem(c.id().toString(), c.childRef(), c.team(), since, null, days,
                    days <= targets.allocationWorkingDays(), true));
        }
        return new Answer(unallocated(waited), sorted(items));
    }

    /** UNALLOCATED from how many open cases have waited how many working days. */
    private static Indicator unallocated(SortedMap<Integer, Long> waited) {
        long count = waited.values().stream().mapToLong(Long::longValue).sum();
        return Indicator.count(IndicatorCode.UNALLOCATED, count)
                .with(LONGEST_WORKING_DAYS, waited.isEmpty() ? null : waited.lastKey())
                .with(MEDIAN_WORKING_DAYS, Median.of(Median.ofCounts(waited)));
    }

    private Answer caseload(IndicatorFilter filter) {
        LocalDate to = filter.to();
        Map<String, Facts.Worker> workers = caseHolding(facts.workers());
        Map<String, Long> casesByWorker = new HashMap<>();
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Case c : facts.cases()) {
            if (!openAt(c, to) || !team(c.team(), filter) || !source(c.source(), filter)) {
                continue;
            }
            if (standing(c.id(), to) instanceof Facts.Allocation a && workers.containsKey(a.workerId())) {
                casesByWorker.merge(a.workerId(), 1L, Long::sum);
                items.add(new IndicatorItem(c.id().toString(), c.childRef(), c.team(), a.allocatedDate(), null,
                        calendar.workingDaysBetween(a.allocatedDate(), to), null, true));
            }
        }
        return new Answer(caseload(filter, workers, casesByWorker), sorted(items));
    }

    private static Map<String, Facts.Worker> caseHolding(List<Facts.Worker> all) {
        Map<String, Facts.Worker> workers = new HashMap<>();
        for (Facts.Worker worker : all) {
            if (worker.caseHolding()) {
                workers.put(worker.workerId(), worker);
            }
        }
        return workers;
    }

    /** CASELOAD from the open cases (of the filter's team and source) held by each worker. */
    private Indicator caseload(IndicatorFilter filter, Map<String, Facts.Worker> workers,
            Map<String, Long> casesByWorker) {
        long cases = 0;
        for (Map.Entry<String, Long> held : casesByWorker.entrySet()) {
            if (workers.containsKey(held.getKey())) {
                cases += held.getValue();
            }
        }
        BigDecimal fte = BigDecimal.ZERO;
        int teamWorkers = 0;
        int over = 0;
        for (Facts.Worker worker : workers.values()) {
            if (!team(worker.team(), filter)) {
                continue;
            }
            teamWorkers++;
            fte = fte.add(worker.fte());
            BigDecimal threshold = worker.caseloadThreshold() == null ? targets.caseloadThreshold()
                    : worker.caseloadThreshold();
            BigDecimal perFte = BigDecimal.valueOf(casesByWorker.getOrDefault(worker.workerId(), 0L))
                    .divide(worker.fte(), 4, RoundingMode.HALF_UP);
            if (perFte.compareTo(threshold) > 0) {
                over++;
            }
        }
        return Indicator.rate(IndicatorCode.CASELOAD, cases, fte)
                .with(FTE, fte.setScale(2, RoundingMode.HALF_UP))
                .with(WORKERS, teamWorkers)
                .with(WORKERS_OVER_THRESHOLD, over);
    }

    /**
     * A snapshot indicator from counts the database made: the same arithmetic as {@link #answer}, without the
     * items (the facts are not read).
     */
    public Indicator snapshot(IndicatorCode code, IndicatorFilter filter, SnapshotCounts counts) {
        return switch (code) {
            case UNALLOCATED -> {
                TreeMap<Integer, Long> waited = new TreeMap<>();
                counts.waitingSince().forEach((since, n) -> waited.merge(
                        calendar.workingDaysBetween(since, filter.to()), n, Long::sum));
                yield unallocated(waited);
            }
            case CASELOAD -> caseload(filter, caseHolding(counts.workers()), counts.casesByWorker());
            case ASSESSMENTS_OVERDUE -> Indicator.count(code, counts.assessmentsOverdue())
                    .with(DUE_WITHIN_10_WORKING_DAYS, counts.assessmentsDueSoon());
            default -> throw new IllegalArgumentException(code + " is not a snapshot");
        };
    }

    /** The last date whose due assessments count as coming due at {@code to} (within 10 working days). */
    public static LocalDate dueSoonUntil(LocalDate to, WorkingCalendar calendar) {
        LocalDate until = to;
        while (calendar.workingDaysBetween(to, until.plusDays(1)) <= DUE_SOON_WORKING_DAYS) {
            until = until.plusDays(1);
        }
        return until;
    }

    private List<IndicatorItem> assessmentItems(IndicatorFilter filter) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Assessment a : facts.assessments()) {
            if (a.completedAt() != null && inPeriod(a.completedDate(), filter) && team(a.team(), filter)
                    && caseSource(a.caseId(), filter)) {
                boolean inTime = a.inTimescale(filter.ruleSet(), calendar);
                items.add(new IndicatorItem(a.id().toString(), a.childRef(), a.team(), a.anchor(filter.ruleSet()),
                        a.completedDate(), a.workingDays(filter.ruleSet(), calendar), inTime, inTime));
            }
        }
        return items;
    }

    private Answer assessmentsOverdue(IndicatorFilter filter) {
        LocalDate to = filter.to();
        List<IndicatorItem> items = new ArrayList<>();
        long dueSoon = 0;
        for (Facts.Assessment a : facts.assessments()) {
            boolean open = !a.startedDate().isAfter(to) && (a.completedAt() == null || a.completedDate().isAfter(to));
            if (!open || !team(a.team(), filter) || !caseSource(a.caseId(), filter)) {
                continue;
            }
            LocalDate due = a.due(filter.ruleSet(), calendar);
            if (due.isBefore(to)) {
                LocalDate anchor = a.anchor(filter.ruleSet());
                items.add(new IndicatorItem(a.id().toString(), a.childRef(), a.team(), anchor, null,
                        calendar.workingDaysBetween(anchor, to), false, true));
            } else if (calendar.workingDaysBetween(to, due) <= DUE_SOON_WORKING_DAYS) {
                dueSoon++;
            }
        }
        Answer answer = count(IndicatorCode.ASSESSMENTS_OVERDUE, items);
        return new Answer(answer.indicator().with(DUE_WITHIN_10_WORKING_DAYS, dueSoon), answer.items());
    }

    private List<IndicatorItem> section47Items(IndicatorFilter filter) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Section47 s : facts.enquiries()) {
            if (s.completedAt() != null && inPeriod(s.completedDate(), filter) && team(s.team(), filter)
                    && caseSource(s.caseId(), filter)) {
                items.add(new IndicatorItem(s.id().toString(), s.childRef(), s.team(), s.strategyDiscussionDate(),
                        s.completedDate(), null, null, s.outcome() == Section47Outcome.ICPC_REQUIRED));
            }
        }
        return items;
    }

    private List<IndicatorItem> icpcItems(IndicatorFilter filter, Predicate<Facts.Conference> numerator) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.Conference c : facts.conferences()) {
            if (c.isIcpc() && inPeriod(c.heldDate(), filter) && team(c.team(), filter)
                    && caseSource(c.caseId(), filter)) {
                items.add(new IndicatorItem(c.id().toString(), c.childRef(), c.team(), c.strategyDiscussionDate(),
                        c.heldDate(), c.workingDays(calendar), c.inTimescale(calendar), numerator.test(c)));
            }
        }
        return items;
    }

    private List<IndicatorItem> planItems(IndicatorFilter filter, boolean started) {
        List<IndicatorItem> items = new ArrayList<>();
        for (Facts.CpPlan p : facts.plans()) {
            LocalDate date = started ? p.startDate() : p.endDate();
            if (date != null && inPeriod(date, filter) && team(p.team(), filter) && caseSource(p.caseId(), filter)) {
                boolean numerator = started ? p.repeatReported() || earlierPlan(p) : p.lastedTwoYears();
                items.add(new IndicatorItem(p.id().toString(), p.childRef(), p.team(), p.startDate(), date, null,
                        null, numerator));
            }
        }
        return items;
    }

    private static Answer count(IndicatorCode code, List<IndicatorItem> items) {
        return new Answer(Indicator.count(code, items.size()), sorted(items));
    }

    private static Answer ratio(IndicatorCode code, List<IndicatorItem> items) {
        long numerator = items.stream().filter(IndicatorItem::inNumerator).count();
        return new Answer(Indicator.ratio(code, numerator, items.size()), sorted(items));
    }

    /** Items in the order the service lists them: by completion (or anchor) date, then id. */
    static List<IndicatorItem> sorted(List<IndicatorItem> items) {
        return items.stream().sorted(Comparator
                .comparing((IndicatorItem i) -> i.doneDate() == null ? i.anchorDate() : i.doneDate(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IndicatorItem::id)).toList();
    }

    private static boolean inPeriod(LocalDate date, IndicatorFilter filter) {
        return date != null && !date.isBefore(filter.from()) && !date.isAfter(filter.to());
    }

    private static boolean team(String team, IndicatorFilter filter) {
        return filter.team() == null || filter.team().equals(team);
    }

    private static boolean source(String source, IndicatorFilter filter) {
        return filter.source() == null || filter.source().equals(source);
    }

    /** A step has no source of its own: it takes its case's, and needs the case to be known to match one. */
    private boolean caseSource(UUID caseId, IndicatorFilter filter) {
        if (filter.source() == null) {
            return true;
        }
        Facts.Case c = casesById.get(caseId);
        return c != null && filter.source().equals(c.source());
    }

    /** The ICPC clock limit, the same under every rule set. */
    public static int icpcLimit() {
        return RuleSets.ICPC.limit();
    }
}
