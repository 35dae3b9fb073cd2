package org.frontdoor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.frontdoor.clocks.WorkingCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator alone, no services: a seed fixes every request, and over a large sample the mixes and timings
 * come out as configured from the national figures (DOMAIN.md §5).
 */
class FrontDoorModelTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final Instant START = ZonedDateTime.of(LocalDate.of(2023, 1, 2), LocalTime.MIDNIGHT,
            WorkingCalendar.LONDON).toInstant();
    private static final Instant END = START.plus(Duration.ofDays(3 * 365));
    /** Steady state: the first year fills the caseloads and the pool of children referred before. */
    private static final Instant STEADY = START.plus(Duration.ofDays(365));

    private static final SimulationConfig CONFIG = SimulationConfig.defaults();
    private static List<Action> threeYears;
    private static FrontDoorModel threeYearModel;

    @BeforeAll
    static void simulateThreeYears() {
        threeYearModel = new FrontDoorModel(CONFIG, 2024, START, END, Pressure.NONE, CALENDAR);
        threeYears = drain(threeYearModel);
    }

    private static List<Action> drain(FrontDoorModel model) {
        List<Action> actions = new ArrayList<>();
        Action action;
        while ((action = model.next()) != null) {
            actions.add(action);
        }
        return actions;
    }

    private static List<String> requests(long seed, Instant start, Instant end) {
        List<String> requests = new ArrayList<>();
        for (Action action : drain(new FrontDoorModel(CONFIG, seed, start, end, Pressure.NONE, CALENDAR))) {
            Action.Request request = action.request(SYMBOLIC, true);
            requests.add(request.method() + " " + request.service() + " " + request.path() + " " + request.user() + " "
                    + request.body());
        }
        return requests;
    }

    private static final Action.Ids SYMBOLIC = new Action.Ids() {
        @Override
        public String contact(long contactKey) {
            return "contact-" + contactKey;
        }

        @Override
        public String caseId(long caseKey) {
            return "case-" + caseKey;
        }

        @Override
        public String assessment(long caseKey) {
            return "assessment-" + caseKey;
        }

        @Override
        public String strategyDiscussion(long caseKey) {
            return "discussion-" + caseKey;
        }

        @Override
        public String section47(long caseKey) {
            return "s47-" + caseKey;
        }
    };

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        Instant end = START.plus(Duration.ofDays(120));
        List<String> first = requests(7, START, end);
        List<String> again = requests(7, START, end);
        assertTrue(first.size() > 3000, "a busy four months: " + first.size());
        assertEquals(first, again);
        assertNotEquals(first, requests(8, START, end));
        assertTrue(first.stream().anyMatch(r -> r.contains("/conferences")), "some cases reach a conference");
    }

    @Test
    void contactsAndReferralsFollowTheNationalRatesForTheAuthoritysSize() {
        List<Action.ReceiveContact> contacts = of(threeYears, Action.ReceiveContact.class);
        double perYear = contacts.size() / 3.0;
        // 3,000,000 contacts a year for ~12.0 M children: about 9,150 for 36,600 children.
        assertEquals(CONFIG.contactsPerYear(), perYear, CONFIG.contactsPerYear() * 0.04, "contacts a year");
        List<Action.DecideContact> decisions = steady(of(threeYears, Action.DecideContact.class));
        long referrals = decisions.stream().filter(Action.DecideContact::opensCase).count();
        double conversion = referrals / (double) decisions.size();
        // Contacts are about 5 x referrals (3 M / 620 k): a fifth of decisions are referrals.
        assertEquals(CONFIG.referralShare(), conversion, 0.015, "REFERRAL share of decisions");
        Map<String, Long> outcomes = new HashMap<>();
        decisions.forEach(d -> outcomes.merge(d.outcome(), 1L, Long::sum));
        assertEquals(CONFIG.passedToOpenCaseShare(), outcomes.get("PASSED_TO_OPEN_CASE") / (double) decisions.size(),
                0.02);
        assertEquals(CONFIG.earlyHelpShare(), outcomes.get("EARLY_HELP") / (double) decisions.size(), 0.015);
    }

    @Test
    void aboutOneReferralInFiveIsAReReferral() {
        Map<String, LocalDate> lastReferral = new HashMap<>();
        int referrals = 0;
        int reReferrals = 0;
        for (Action.DecideContact decision : of(threeYears, Action.DecideContact.class)) {
            if (!decision.opensCase()) {
                continue;
            }
            LocalDate date = WorkingCalendar.londonDate(decision.at());
            LocalDate previous = lastReferral.put(decision.childRef(), date);
            if (decision.at().isAfter(STEADY)) {
                referrals++;
                if (previous != null && !previous.isBefore(date.minusMonths(12))) {
                    reReferrals++;
                }
            }
        }
        assertEquals(0.22, reReferrals / (double) referrals, 0.03, "re-referrals (DOMAIN.md §5: about 22 %)");
    }

    @Test
    void assessmentsTakeAMedianOf33WorkingDaysWith86PercentWithin45() {
        Map<Long, LocalDate> referralDates = new HashMap<>();
        for (Action.DecideContact decision : of(threeYears, Action.DecideContact.class)) {
            if (decision.opensCase()) {
                referralDates.put(decision.caseKey(), WorkingCalendar.londonDate(decision.at()));
            }
        }
        List<Integer> days = new ArrayList<>();
        for (Action.CompleteAssessment completion : steady(of(threeYears, Action.CompleteAssessment.class))) {
            days.add(CALENDAR.workingDaysBetween(referralDates.get(completion.caseKey()),
                    WorkingCalendar.londonDate(completion.at())));
        }
        Collections.sort(days);
        assertTrue(days.size() > 3000, "assessments: " + days.size());
        assertEquals(33, days.get(days.size() / 2), 2, "median working days");
        double within45 = days.stream().filter(d -> d <= 45).count() / (double) days.size();
        assertEquals(0.86, within45, 0.02, "share within 45 working days");
    }

    @Test
    void initialConferencesAre78PercentWithin15WorkingDaysOfTheStrategyDiscussion() {
        Map<Long, LocalDate> discussed = new HashMap<>();
        of(threeYears, Action.HoldStrategyDiscussion.class)
                .forEach(d -> discussed.put(d.caseKey(), WorkingCalendar.londonDate(d.at())));
        List<Action.HoldConference> initial = of(threeYears, Action.HoldConference.class).stream()
                .filter(c -> "INITIAL".equals(c.conferenceKind())).toList();
        assertTrue(initial.size() > 300, "initial conferences: " + initial.size());
        long within = initial.stream().filter(c -> CALENDAR.workingDaysBetween(discussed.get(c.caseKey()),
                WorkingCalendar.londonDate(c.at())) <= 15).count();
        assertEquals(0.78, within / (double) initial.size(), 0.05, "ICPCs within 15 working days");
    }

    @Test
    void contactsArriveInOfficeHoursOnWorkingDaysAndTheRestOutOfHours() {
        WorkingWeek week = new WorkingWeek(CALENDAR, CONFIG.officeOpens(), CONFIG.officeCloses());
        List<Action.ReceiveContact> contacts = of(threeYears, Action.ReceiveContact.class);
        long outOfHours = 0;
        for (Action.ReceiveContact contact : contacts) {
            ZonedDateTime local = contact.at().atZone(WorkingCalendar.LONDON);
            boolean office = CALENDAR.isWorkingDay(local.toLocalDate()) && !local.toLocalTime().isBefore(LocalTime.of(9, 0))
                    && local.toLocalTime().isBefore(LocalTime.of(17, 0));
            assertEquals(!office, contact.outOfHours(), "outOfHours flag at " + local);
            if (local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY) {
                assertTrue(contact.outOfHours());
            }
            if (contact.outOfHours()) {
                outOfHours++;
            }
        }
        assertEquals(CONFIG.outOfHoursShare(), outOfHours / (double) contacts.size(), 0.01, "out-of-hours share");
        // Office hours carry the other 85 % over about 253 working days: far busier than an hour of night.
        for (Action.DecideContact decision : of(threeYears, Action.DecideContact.class)) {
            LocalDate day = WorkingCalendar.londonDate(decision.at());
            assertTrue(week.isWorkingDay(day), "decided on a working day: " + decision.at());
        }
    }

    @Test
    void everyCasesStepsComeInTheOrderReferralServiceRequiresAndClosureIsLast() {
        Map<Long, List<Action>> byCase = new HashMap<>();
        Map<Long, Instant> opened = new HashMap<>();
        for (Action action : threeYears) {
            if (action instanceof Action.DecideContact d && d.opensCase()) {
                opened.put(d.caseKey(), d.at());
            }
            Long caseKey = caseKey(action);
            if (caseKey != null) {
                byCase.computeIfAbsent(caseKey, k -> new ArrayList<>()).add(action);
            }
        }
        for (Map.Entry<Long, List<Action>> entry : byCase.entrySet()) {
            List<Action> steps = entry.getValue();
            Instant previous = opened.get(entry.getKey());
            boolean closed = false;
            for (Action step : steps) {
                assertFalse(closed, "nothing after closure: " + steps);
                assertFalse(step.at().isBefore(previous), "in time order: " + steps);
                previous = step.at();
                closed = step instanceof Action.CloseCase;
            }
            List<String> kinds = steps.stream().map(Action::kind).toList();
            assertBefore(kinds, "StartAssessment", "CompleteAssessment");
            assertBefore(kinds, "HoldStrategyDiscussion", "StartSection47");
            assertBefore(kinds, "StartSection47", "CompleteSection47");
            assertBefore(kinds, "CompleteSection47", "HoldInitialConference");
            assertBefore(kinds, "HoldInitialConference", "HoldReviewConference");
        }
    }

    @Test
    void theWorkforceIsSizedForAnAverageCaseloadOf16To18PerFte() {
        double mean = threeYearModel.workforce().meanCasesPerFte();
        assertTrue(mean >= 15 && mean <= 18.5, "mean cases per FTE after three years: " + mean);
        long overrides = threeYearModel.counts().getOrDefault("allocation.override", 0L);
        long allocations = of(threeYears, Action.AllocateCase.class).size();
        assertTrue(overrides < allocations * 0.2, overrides + " overrides of " + allocations);
    }

    @Test
    void aSurgeMultipliesArrivalsAndAbsenceTakesWorkersOffCaseHolding() {
        Instant start = START;
        Instant end = START.plus(Duration.ofDays(56));
        Pressure pressure = new Pressure(START.plus(Duration.ofDays(28)), null, 3.0, 0.5);
        List<Action> actions = drain(new FrontDoorModel(CONFIG, 5, start, end, pressure, CALENDAR));
        long before = actions.stream().filter(a -> a instanceof Action.ReceiveContact && a.at().isBefore(pressure.from()))
                .count();
        long during = actions.stream().filter(a -> a instanceof Action.ReceiveContact && !a.at().isBefore(pressure.from()))
                .count();
        assertEquals(3.0, during / (double) before, 0.45, "surge factor");
        List<Action.PutWorker> absent = of(actions, Action.PutWorker.class).stream().filter(w -> !w.caseHolding())
                .toList();
        int workers = (int) of(actions, Action.PutWorker.class).stream().filter(Action.PutWorker::caseHolding).count();
        assertEquals(workers / 2.0, absent.size(), 1.0, "half the workers absent");
        assertTrue(absent.stream().allMatch(w -> w.at().equals(pressure.from())));
    }

    @Test
    void settingsComeFromTheDefaultsAndUnknownKeysAreRefused() {
        Properties defaults = SimulationConfig.defaultProperties();
        SimulationConfig bigger = SimulationConfig.from(SimulationConfig.with(defaults, "la.children", "73200"));
        assertEquals(2 * CONFIG.contactsPerYear(), bigger.contactsPerYear(), 1e-6);
        assertEquals(36_600, CONFIG.laChildren());
        assertEquals(620_000 / 3_000_000.0, CONFIG.referralShare(), 1e-9);
        try {
            SimulationConfig.with(defaults, "la.childen", "1");
            throw new AssertionError("a misspelt key must be refused");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("la.childen"));
        }
    }

    @Test
    void liveTimeRunsAnOfficeDayInTheConfiguredMinutesAndNightsFaster() {
        WorkingWeek week = new WorkingWeek(CALENDAR, LocalTime.of(9, 0), LocalTime.of(17, 0));
        // Wednesday 2024-03-06 09:00 London.
        Instant opening = ZonedDateTime.of(LocalDate.of(2024, 3, 6), LocalTime.of(9, 0), WorkingCalendar.LONDON)
                .toInstant();
        LiveClock clock = new LiveClock(week, opening, 2, 8);
        assertEquals(Duration.ofMinutes(1), clock.realOffset(opening.plus(Duration.ofHours(4))));
        assertEquals(Duration.ofMinutes(2), clock.realOffset(opening.plus(Duration.ofHours(8))));
        // The 16 hours to the next opening run 8 x faster: 16 h at 2 min per 8 h / 8 = 0.5 min.
        assertEquals(Duration.ofSeconds(150), clock.realOffset(opening.plus(Duration.ofHours(24))));
        Instant saturdayNight = ZonedDateTime.of(LocalDate.of(2024, 3, 9), LocalTime.of(21, 0), WorkingCalendar.LONDON)
                .toInstant();
        assertEquals(opening.plus(Duration.ofHours(1)), LiveClock.start(week, opening.plus(Duration.ofHours(1))));
        assertEquals(ZonedDateTime.of(LocalDate.of(2024, 3, 11), LocalTime.of(9, 0), WorkingCalendar.LONDON).toInstant(),
                LiveClock.start(week, saturdayNight));
    }

    private static void assertBefore(List<String> kinds, String first, String then) {
        int a = kinds.indexOf(first);
        int b = kinds.indexOf(then);
        if (b >= 0) {
            assertTrue(a >= 0 && a < b, first + " before " + then + ": " + kinds);
        }
    }

    private static Long caseKey(Action action) {
        if (action instanceof Action.AllocateCase a) {
            return a.caseKey();
        } else if (action instanceof Action.StartAssessment a) {
            return a.caseKey();
        } else if (action instanceof Action.CompleteAssessment a) {
            return a.caseKey();
        } else if (action instanceof Action.HoldStrategyDiscussion a) {
            return a.caseKey();
        } else if (action instanceof Action.StartSection47 a) {
            return a.caseKey();
        } else if (action instanceof Action.CompleteSection47 a) {
            return a.caseKey();
        } else if (action instanceof Action.HoldConference a) {
            return a.caseKey();
        } else if (action instanceof Action.EndCpPlan a) {
            return a.caseKey();
        } else if (action instanceof Action.CloseCase a) {
            return a.caseKey();
        }
        return null;
    }

    private static <T extends Action> List<T> of(List<Action> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends Action> List<T> steady(List<T> actions) {
        return actions.stream().filter(a -> a.at().isAfter(STEADY)).toList();
    }
}
