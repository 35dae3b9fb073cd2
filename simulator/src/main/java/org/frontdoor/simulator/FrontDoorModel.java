package org.frontdoor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * The simulated front door: children about whom contacts arrive through the working day and out of hours,
 * managers deciding them, referrals opening cases that are allocated, assessed, perhaps taken through a
 * strategy discussion, Section 47, conference and plan, and closed. A discrete-event simulation in simulated
 * time that hands out the users' {@link Action}s in time order; the same configuration, seed and period give
 * the same actions, whoever runs them and however fast.
 */
public final class FrontDoorModel {

    private static final long ARRIVALS = 1;
    private static final long DECISIONS = 2;
    private static final long CASES = 3;
    private static final long ALLOCATIONS = 4;
    private static final long WORKFORCE = 5;
    private static final long SIZING = 6;
    private static final Map<String, Double> GENDERS = Sampling.weights("1:52,2:47,0:1");
    private static final Map<String, Double> ETHNICITIES = Sampling.weights(
            "WBRI:66,WIRI:1,WOTH:6,MWBC:3,MWBA:1,MWAS:1,MOTH:3,AIND:2,APKN:4,ABAN:1,AOTH:2,BCRB:1,BAFR:3,BOTH:1,"
                    + "CHNE:1,OOTH:2,REFU:1,NOBT:1");
    private static final List<String> CONCERNS = List.of("2A", "2B", "3A", "3B", "3C", "4A", "4B", "6A", "6B",
            "7A", "8B", "9A", "10A", "11A", "16A", "18B", "19B", "21", "22A", "24A");
    private static final Map<String, List<String>> RATIONALES = Map.of(
            "REFERRAL", List.of("Threshold for a statutory assessment met; concerns about significant harm.",
                    "Repeated concerns from partner agencies; assessment needed.",
                    "Parent unable to keep the child safe; progress to referral."),
            "PASSED_TO_OPEN_CASE", List.of("Child's case is open; information passed to the allocated worker."),
            "EARLY_HELP", List.of("Needs can be met by early help; family consents to support.",
                    "Step-down to the family hub; no statutory threshold met."),
            "INFORMATION_AND_ADVICE", List.of("Advice given to the referrer; no further involvement needed.",
                    "Signposted to universal services."),
            "NO_FURTHER_ACTION", List.of("Information does not meet the threshold for social care.",
                    "Concern already resolved; no further action."));

    private final SimulationConfig config;
    private final WorkingWeek week;
    private final CaseJourney journeys;
    private final Workforce workforce;
    private final Pressure pressure;
    private final long seed;
    private final Instant start;
    private final Instant end;
    private final String runTag;

    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
    private final SplittableRandom arrivals;
    private final SplittableRandom decisions;
    private final Map<String, Double> outcomes = new LinkedHashMap<>();
    private final double arrivalsPerYear;
    private final double reReferralChance;
    private final Map<Integer, Integer> workingDaysInYear = new HashMap<>();
    private LocalDate nextDay;
    private long sequence;
    private long children;
    private long contacts;
    private long cases;

    private final List<Child> known = new ArrayList<>();
    private final List<Child> withOpenCase = new ArrayList<>();
    private final List<Child> referred = new ArrayList<>();
    private final List<LocalDate> referredOn = new ArrayList<>();
    private int referredHead;
    private final Map<Long, Child> openCases = new HashMap<>();
    private final Map<String, Long> counts = new TreeMap<>();

    /**
     * @param start    simulated time the front door opens (workers are set up then)
     * @param end      simulated time nothing happens after, {@code null} to run on (live)
     * @param pressure a surge or absence window, or {@link Pressure#NONE}
     */
    public FrontDoorModel(SimulationConfig config, long seed, Instant start, Instant end, Pressure pressure,
            WorkingCalendar calendar) {
        this(config, seed, start, end, pressure, calendar, start.getEpochSecond());
    }

    /**
     * @param tagSalt what, with the seed, makes the run's child references and Idempotency-Keys its own: the
     *                start of the period for a backfill (the same seed and period give the same requests), the
     *                wall-clock start for a live run (two live runs on one day must not replay each other)
     */
    public FrontDoorModel(SimulationConfig config, long seed, Instant start, Instant end, Pressure pressure,
            WorkingCalendar calendar, long tagSalt) {
        this.config = config;
        this.week = new WorkingWeek(calendar, config.officeOpens(), config.officeCloses());
        this.journeys = new CaseJourney(config, week);
        this.workforce = Workforce.sized(config, meanCaseYears(config, week));
        this.pressure = pressure;
        this.seed = seed;
        this.start = start;
        this.end = end;
        this.runTag = Long.toString(Sampling.mix(seed * 31 + tagSalt) >>> 34, 36);
        this.arrivals = Sampling.stream(seed, ARRIVALS, 0);
        this.decisions = Sampling.stream(seed, DECISIONS, 0);
        outcomes.put("REFERRAL", config.referralShare());
        outcomes.put("PASSED_TO_OPEN_CASE", config.passedToOpenCaseShare());
        outcomes.put("EARLY_HELP", config.earlyHelpShare());
        outcomes.put("INFORMATION_AND_ADVICE", config.informationAndAdviceShare());
        outcomes.put("NO_FURTHER_ACTION", config.noFurtherActionShare());
        double groupExtra = 1.3; // siblings beyond the first: two (70 %) or three (30 %)
        this.arrivalsPerYear = config.contactsPerYear() / (1 + config.siblingGroupShare() * groupExtra);
        // Siblings are children new to the front door, so the single-child referrals carry all re-referrals.
        double singleContacts = (1 - config.siblingGroupShare()) / (1 + config.siblingGroupShare() * groupExtra);
        this.reReferralChance = Math.min(1, config.reReferralShare() / singleContacts);
        this.nextDay = WorkingCalendar.londonDate(start);

        for (Workforce.Worker worker : workforce.all()) {
            schedule(start, () -> putWorker(start, worker, true));
        }
        if (pressure.absence() > 0 && (end == null || pressure.from().isBefore(end))) {
            Instant absenceStarts = pressure.from().isBefore(start) ? start : pressure.from();
            SplittableRandom random = Sampling.stream(seed, WORKFORCE, 0);
            List<Workforce.Worker> absent = new ArrayList<>();
            for (String team : config.teams()) {
                List<Workforce.Worker> members = new ArrayList<>(workforce.team(team));
                int away = (int) Math.round(members.size() * pressure.absence());
                for (int i = 0; i < away; i++) {
                    absent.add(members.remove(random.nextInt(members.size())));
                }
            }
            for (Workforce.Worker worker : absent) {
                schedule(absenceStarts, () -> {
                    worker.absent = true;
                    return putWorker(absenceStarts, worker, false);
                });
                if (pressure.to() != null) {
                    schedule(pressure.to(), () -> {
                        worker.absent = false;
                        return putWorker(pressure.to(), worker, true);
                    });
                }
            }
        }
    }

    /** The next action in simulated time, or {@code null} when the period is over. */
    public Action next() {
        while (true) {
            while (moreDays() && (agenda.isEmpty()
                    || !agenda.peek().at().isBefore(nextDay.atStartOfDay(WorkingCalendar.LONDON).toInstant()))) {
                planArrivals(nextDay);
                nextDay = nextDay.plusDays(1);
            }
            Scheduled due = agenda.poll();
            if (due == null || (end != null && due.at().isAfter(end))) {
                return null;
            }
            Action action = due.step().get();
            if (action != null) {
                count(action.kind());
                return action;
            }
        }
    }

    private boolean moreDays() {
        return end == null || !nextDay.isAfter(WorkingCalendar.londonDate(end));
    }

    public Workforce workforce() {
        return workforce;
    }

    /** What the model did, by kind of action and event (REFERRAL decisions, re-referrals, overrides ...). */
    public Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    public String runTag() {
        return runTag;
    }

    public Instant start() {
        return start;
    }

    /** Cases open in the model now. */
    public int openCases() {
        return openCases.size();
    }

    // ---- arrivals ------------------------------------------------------------------------------------------

    /** Schedules the day's contact arrivals: a Poisson number in office hours and out of hours. */
    private void planArrivals(LocalDate day) {
        Instant dayStart = day.atStartOfDay(WorkingCalendar.LONDON).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant();
        double surge = pressure.covers(dayStart.plus(Duration.ofHours(12))) ? pressure.surge() : 1.0;
        boolean working = week.isWorkingDay(day);
        double officeHours = week.officeDay().toMinutes() / 60.0;
        int workingDays = workingDaysInYear.computeIfAbsent(day.getYear(), year -> week.workingDaysBetween(
                LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)));
        double outOfHoursPerYear = 365.25 * 24 - workingDays * officeHours;
        double outOfHoursRate = arrivalsPerYear * config.outOfHoursShare() / outOfHoursPerYear;
        List<Instant> times = new ArrayList<>();
        if (working) {
            Instant opens = week.opening(day);
            Instant closes = week.closing(day);
            int office = Sampling.poisson(arrivals, surge * arrivalsPerYear * (1 - config.outOfHoursShare()) / workingDays);
            for (int i = 0; i < office; i++) {
                times.add(uniform(opens, closes));
            }
            double before = Duration.between(dayStart, opens).toMinutes() / 60.0;
            double after = Duration.between(closes, dayEnd).toMinutes() / 60.0;
            int outside = Sampling.poisson(arrivals, surge * outOfHoursRate * (before + after));
            for (int i = 0; i < outside; i++) {
                times.add(arrivals.nextDouble() * (before + after) < before ? uniform(dayStart, opens)
                        : uniform(closes, dayEnd));
            }
        } else {
            double hours = Duration.between(dayStart, dayEnd).toMinutes() / 60.0;
            int outside = Sampling.poisson(arrivals, surge * outOfHoursRate * hours);
            for (int i = 0; i < outside; i++) {
                times.add(uniform(dayStart, dayEnd));
            }
        }
        times.sort(null);
        for (Instant at : times) {
            if (!at.isBefore(start)) {
                schedule(at, () -> arrive(at));
            }
        }
    }

    private Instant uniform(Instant from, Instant to) {
        return from.plusMillis(arrivals.nextLong(Math.max(1, Duration.between(from, to).toMillis())));
    }

    /** A contact arrives: about one child, or about two or three siblings sharing a contact group. */
    private Action arrive(Instant at) {
        String intended = Sampling.weighted(arrivals, outcomes);
        String source = Sampling.weighted(arrivals, config.sources());
        String channel = Sampling.weighted(arrivals, config.channels());
        boolean outOfHours = !week.inOfficeHours(at);
        if (Sampling.chance(arrivals, config.siblingGroupShare())) {
            int size = Sampling.chance(arrivals, 0.7) ? 2 : 3;
            String group = "G" + runTag + "-" + (contacts + 1);
            String team = Sampling.pick(arrivals, config.teams());
            for (int i = 0; i < size; i++) {
                Child sibling = newChild(at, team);
                Instant when = at.plusMillis(i);
                schedule(when, () -> receive(when, sibling, intended, source, channel, outOfHours, group));
            }
            return null;
        }
        Child child = chooseChild(at, intended);
        String outcome = child.openCaseKey == null && "PASSED_TO_OPEN_CASE".equals(intended) ? "NO_FURTHER_ACTION"
                : intended;
        return receive(at, child, outcome, source, channel, outOfHours, null);
    }

    private Child chooseChild(Instant at, String intended) {
        switch (intended) {
            case "PASSED_TO_OPEN_CASE" -> {
                if (!withOpenCase.isEmpty()) {
                    return Sampling.pick(arrivals, withOpenCase);
                }
            }
            case "REFERRAL" -> {
                if (Sampling.chance(arrivals, reReferralChance)) {
                    Child recent = recentlyReferred(WorkingCalendar.londonDate(at));
                    if (recent != null) {
                        return recent;
                    }
                }
                return newChild(at, Sampling.pick(arrivals, config.teams()));
            }
            default -> {
                if (!known.isEmpty() && Sampling.chance(arrivals, config.knownChildShare())) {
                    Child child = Sampling.pick(arrivals, known);
                    if (child.openCaseKey == null) {
                        return child;
                    }
                }
            }
        }
        return newChild(at, Sampling.pick(arrivals, config.teams()));
    }

    /** A child with a referral in the 12 months before {@code today} and no open case, if there is one. */
    private Child recentlyReferred(LocalDate today) {
        LocalDate since = today.minusMonths(12);
        while (referredHead < referred.size() && referredOn.get(referredHead).isBefore(since)) {
            referred.set(referredHead, null);
            referredHead++;
        }
        if (referredHead > 4096 && referredHead * 2 > referred.size()) {
            referred.subList(0, referredHead).clear();
            referredOn.subList(0, referredHead).clear();
            referredHead = 0;
        }
        int live = referred.size() - referredHead;
        for (int attempt = 0; attempt < 12 && live > 0; attempt++) {
            Child child = referred.get(referredHead + arrivals.nextInt(live));
            if (child.openCaseKey == null) {
                return child;
            }
        }
        return null;
    }

    private Child newChild(Instant at, String team) {
        children++;
        YearMonth month = YearMonth.from(WorkingCalendar.londonDate(at)).minusMonths(arrivals.nextInt(18 * 12));
        Child child = new Child("C" + runTag + "-" + children, team, month.toString(),
                Sampling.weighted(arrivals, GENDERS), Sampling.weighted(arrivals, ETHNICITIES));
        known.add(child);
        return child;
    }

    private Action receive(Instant at, Child child, String intended, String source, String channel,
            boolean outOfHours, String group) {
        long contactKey = ++contacts;
        List<String> concerns = new ArrayList<>();
        int howMany = arrivals.nextInt(3);
        for (int i = 0; i < howMany; i++) {
            String concern = Sampling.pick(arrivals, CONCERNS);
            if (!concerns.contains(concern)) {
                concerns.add(concern);
            }
        }
        // Managers decide in office hours: the same working day for a contact received in them, otherwise
        // from the next working day.
        LocalDate received = WorkingCalendar.londonDate(at);
        LocalDate base = week.inOfficeHours(at) ? received
                : week.isWorkingDay(received) && at.isBefore(week.opening(received)) ? received
                        : week.addWorkingDays(received, 1);
        int delay = Integer.parseInt(Sampling.weighted(decisions, config.decisionDelayWorkingDays()));
        Instant decideAt = week.officeTime(decisions, week.addWorkingDays(base, delay), at);
        schedule(decideAt, () -> decide(decideAt, contactKey, child, intended));
        return new Action.ReceiveContact(at, contactKey, child.ref, source, channel, outOfHours, child.team, group,
                List.copyOf(concerns), child.birthMonth, child.gender, child.ethnicity);
    }

    // ---- decisions and cases -------------------------------------------------------------------------------

    private Action decide(Instant at, long contactKey, Child child, String intended) {
        String outcome = intended;
        if (child.openCaseKey != null && ("REFERRAL".equals(intended) || "PASSED_TO_OPEN_CASE".equals(intended))) {
            outcome = "PASSED_TO_OPEN_CASE";
        } else if (child.openCaseKey == null && "PASSED_TO_OPEN_CASE".equals(intended)) {
            outcome = "NO_FURTHER_ACTION";
        }
        String decidedBy = "dm-" + child.team + "-" + (1 + decisions.nextInt(3));
        String rationale = Sampling.pick(decisions, RATIONALES.get(outcome));
        count("outcome." + outcome);
        long caseKey = -1;
        if ("REFERRAL".equals(outcome)) {
            caseKey = openCase(at, child);
        }
        return new Action.DecideContact(at, contactKey, child.ref, outcome, decidedBy, rationale, caseKey);
    }

    private long openCase(Instant openedAt, Child child) {
        long caseKey = ++cases;
        LocalDate referralDate = WorkingCalendar.londonDate(openedAt);
        if (child.lastReferral != null && !child.lastReferral.isBefore(referralDate.minusMonths(12))) {
            count("re-referrals");
        }
        child.lastReferral = referralDate;
        child.openCaseKey = caseKey;
        child.openIndex = withOpenCase.size();
        withOpenCase.add(child);
        openCases.put(caseKey, child);
        referred.add(child);
        referredOn.add(referralDate);

        SplittableRandom random = Sampling.stream(seed, CASES, caseKey);
        for (Action step : journeys.plan(random, caseKey, child.ref, openedAt)) {
            if (step instanceof Action.CloseCase) {
                schedule(step.at(), () -> {
                    closeCase(caseKey);
                    return step;
                });
            } else {
                schedule(step.at(), () -> step);
            }
        }
        SplittableRandom allocation = Sampling.stream(seed, ALLOCATIONS, caseKey);
        int delay = Integer.parseInt(Sampling.weighted(allocation, config.allocationDelayWorkingDays()));
        Instant attempt = week.officeTime(allocation, week.addWorkingDays(referralDate, delay), openedAt);
        schedule(attempt, () -> allocate(attempt, caseKey, child, referralDate, allocation));
        return caseKey;
    }

    /**
     * The duty manager allocates to the least loaded worker with room; when nobody has room the case waits,
     * and after {@code allocation.override-after-working-days} it goes over threshold with a reason.
     */
    private Action allocate(Instant at, long caseKey, Child child, LocalDate referralDate, SplittableRandom random) {
        if (!openCases.containsKey(caseKey) || workforce.isAllocated(caseKey)) {
            return null;
        }
        List<Workforce.Worker> present = workforce.available(child.team);
        List<Workforce.Worker> withRoom = present.stream().filter(Workforce.Worker::hasRoom).toList();
        int waited = week.workingDaysBetween(referralDate, WorkingCalendar.londonDate(at));
        String overrideReason = null;
        List<Workforce.Worker> candidates = withRoom;
        if (withRoom.isEmpty()) {
            if (present.isEmpty() || waited < config.overrideAfterWorkingDays()) {
                Instant retry = week.officeTime(random, week.addWorkingDays(WorkingCalendar.londonDate(at), 1), at);
                schedule(retry, () -> allocate(retry, caseKey, child, referralDate, random));
                count("allocation.deferred");
                return null;
            }
            candidates = present;
            overrideReason = "Nobody in team " + child.team + " has room; the case has waited " + waited
                    + " working days";
            count("allocation.override");
        }
        workforce.allocate(caseKey, candidates.get(0));
        List<String> ids = candidates.stream().limit(6).map(w -> w.workerId).toList();
        return new Action.AllocateCase(at, caseKey, child.ref, child.team, ids, "dm-" + child.team + "-1",
                overrideReason);
    }

    private void closeCase(long caseKey) {
        Child child = openCases.remove(caseKey);
        workforce.caseClosed(caseKey);
        if (child != null) {
            child.openCaseKey = null;
            Child last = withOpenCase.remove(withOpenCase.size() - 1);
            if (last != child) {
                withOpenCase.set(child.openIndex, last);
                last.openIndex = child.openIndex;
            }
            child.openIndex = -1;
        }
    }

    private Action putWorker(Instant at, Workforce.Worker worker, boolean caseHolding) {
        return new Action.PutWorker(at, worker.workerId, worker.displayName, worker.team, worker.fte,
                caseHolding, worker.threshold);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private void schedule(Instant at, Supplier<Action> step) {
        agenda.add(new Scheduled(at, sequence++, step));
    }

    private void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    /**
     * The mean time a case stays open, from a fixed sample of journeys (the same for every seed, so a
     * configuration always gives the same workforce).
     */
    static double meanCaseYears(SimulationConfig config, WorkingWeek week) {
        CaseJourney journeys = new CaseJourney(config, week);
        Instant opened = ZonedDateTime.of(LocalDate.of(2025, 1, 6), LocalTime.of(11, 0), WorkingCalendar.LONDON)
                .toInstant();
        int samples = 4000;
        double days = 0;
        for (int i = 0; i < samples; i++) {
            List<Action> steps = journeys.plan(Sampling.stream(0, SIZING, i), i, "sizing", opened);
            days += Duration.between(opened, steps.get(steps.size() - 1).at()).toMinutes() / (24.0 * 60);
        }
        return days / samples / 365.25;
    }

    /** Something due at a simulated time; ties keep the order they were scheduled in. */
    private record Scheduled(Instant at, long seq, Supplier<Action> step) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    /** A child the front door has heard about; pseudonymous, as everywhere in Front Door. */
    private static final class Child {
        final String ref;
        final String team;
        final String birthMonth;
        final String gender;
        final String ethnicity;
        Long openCaseKey;
        int openIndex = -1;
        LocalDate lastReferral;

        Child(String ref, String team, String birthMonth, String gender, String ethnicity) {
            this.ref = ref;
            this.team = team;
            this.birthMonth = birthMonth;
            this.gender = gender;
            this.ethnicity = ethnicity;
        }
    }
}
