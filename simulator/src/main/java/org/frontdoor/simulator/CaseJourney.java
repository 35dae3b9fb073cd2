package org.frontdoor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * What happens to a case after its referral, planned at once when the case opens: assessment, perhaps a
 * strategy discussion, a Section 47 enquiry, an initial conference and a child protection plan with its
 * reviews, and the closure. Timings are calibrated on the national figures (DOMAIN.md §5): assessments
 * completed a median 33 working days after referral with 86 % within 45, ICPCs 78 % within 15 working days
 * of the strategy discussion, 4.4 % of plans lasting two years or more.
 */
final class CaseJourney {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    /** Closure reasons and primary needs: proportions of the same order as the CIN census, an assumption. */
    private static final Map<String, Double> CARE_CLOSURES = Sampling.weights("RC7:50,RC3:20,RC4:20,RC1:5,RC5:5");
    private static final Map<String, Double> CIN_CLOSURES = Sampling.weights("RC7:88,RC5:8,RC6:4");
    private static final Map<String, Double> PRIMARY_NEEDS =
            Sampling.weights("N1:57,N2:3,N3:4,N4:10,N5:15,N6:2,N7:1,N8:3,N9:5");

    private final SimulationConfig config;
    private final WorkingWeek week;
    private final double assessmentSigma;
    private final double icpcSigma;
    private final double cpPlanSigma;

    CaseJourney(SimulationConfig config, WorkingWeek week) {
        this.config = config;
        this.week = week;
        this.assessmentSigma = Sampling.sigmaFor(config.assessmentMedianWorkingDays(), 45,
                config.assessmentWithin45Share());
        this.icpcSigma = Sampling.sigmaFor(config.icpcMedianWorkingDays(), 15, config.icpcWithin15Share());
        // Share lasting >= 2 years = share above 24 months: P(X <= 24) = 1 - share.
        this.cpPlanSigma = Sampling.sigmaFor(config.cpPlanMedianMonths(), 24, 1 - config.cpPlan2YearsShare());
    }

    /** The case's steps after the referral, in time order, ending with its closure. */
    List<Action> plan(SplittableRandom random, long caseKey, String childRef, Instant openedAt) {
        List<Action> steps = new ArrayList<>();
        LocalDate referral = WorkingCalendar.londonDate(openedAt);
        if (Sampling.chance(random, config.referralNfaShare())) {
            LocalDate date = week.addWorkingDays(referral, random.nextInt(config.closureMaxWorkingDays() + 1));
            steps.add(new Action.CloseCase(week.officeTime(random, date, openedAt), caseKey, childRef, "RC7"));
            return steps;
        }
        // The assessment: started within a few working days, completed a log-normal number of working days
        // after the referral date.
        int startDays = random.nextInt(config.assessmentStartMaxWorkingDays() + 1);
        Instant started = week.officeTime(random, week.addWorkingDays(referral, startDays), openedAt);
        steps.add(new Action.StartAssessment(started, caseKey, childRef));
        int completionDays = Math.max(startDays, (int) Math.round(
                Sampling.logNormal(random, config.assessmentMedianWorkingDays(), assessmentSigma)));
        Instant completed = week.officeTime(random, week.addWorkingDays(referral, completionDays), started);

        Instant lastStep = completed;
        boolean cpPlan = false;
        Instant planEnded = null;
        if (Sampling.chance(random, config.strategyDiscussionShare())) {
            int discussedDays = random.nextInt(config.strategyDiscussionMaxWorkingDays() + 1);
            LocalDate discussedOn = week.addWorkingDays(referral, discussedDays);
            Instant discussed = week.officeTime(random, discussedOn, openedAt);
            boolean section47 = Sampling.chance(random, config.section47Share());
            steps.add(new Action.HoldStrategyDiscussion(discussed, caseKey, childRef, section47));
            lastStep = max(lastStep, discussed);
            if (section47) {
                Instant enquiryStarted = discussed.plusSeconds(600 + random.nextInt(3 * 3600));
                steps.add(new Action.StartSection47(enquiryStarted, caseKey, childRef));
                if (Sampling.chance(random, config.icpcRequiredShare())) {
                    int icpcDays = Math.max(1, (int) Math.round(
                            Sampling.logNormal(random, config.icpcMedianWorkingDays(), icpcSigma)));
                    LocalDate conferenceOn = week.addWorkingDays(discussedOn, icpcDays);
                    LocalDate concludedOn = week.addWorkingDays(discussedOn,
                            Math.max(0, icpcDays - 1 - random.nextInt(3)));
                    Instant concluded = week.officeTime(random, concludedOn, enquiryStarted);
                    Instant conference = week.officeTime(random, conferenceOn, concluded);
                    steps.add(new Action.CompleteSection47(concluded, caseKey, childRef, "ICPC_REQUIRED"));
                    cpPlan = Sampling.chance(random, config.cpPlanShare());
                    String category = cpPlan ? Sampling.weighted(random, config.cpPlanCategories()) : null;
                    steps.add(new Action.HoldConference(conference, caseKey, childRef, "INITIAL",
                            cpPlan ? "CP_PLAN" : "NO_PLAN", category));
                    lastStep = max(lastStep, conference);
                    if (cpPlan) {
                        planEnded = planReviews(random, steps, caseKey, childRef, conference);
                        lastStep = max(lastStep, planEnded);
                    }
                } else {
                    LocalDate concludedOn = week.addWorkingDays(discussedOn, 5 + random.nextInt(11));
                    Instant concluded = week.officeTime(random, concludedOn, enquiryStarted);
                    steps.add(new Action.CompleteSection47(concluded, caseKey, childRef, "NO_ICPC"));
                    lastStep = max(lastStep, concluded);
                }
            }
        }
        String outcome = cpPlan ? "CHILD_IN_NEED_PLAN" : Sampling.weighted(random, config.assessmentOutcomes());
        steps.add(new Action.CompleteAssessment(completed, caseKey, childRef, outcome, primaryNeed(random, cpPlan)));

        Instant closeAfter;
        String reason;
        switch (outcome) {
            case "NO_FURTHER_ACTION" -> {
                closeAfter = afterWorkingDays(random, lastStep, random.nextInt(config.closureMaxWorkingDays() + 1));
                reason = "RC8";
            }
            case "EARLY_HELP" -> {
                closeAfter = afterWorkingDays(random, lastStep, random.nextInt(config.closureMaxWorkingDays() + 1));
                reason = "RC9";
            }
            default -> {
                // A child-in-need plan (or care, or support after a CP plan) keeps the case open for months.
                Instant from = cpPlan ? planEnded : completed;
                double months = Sampling.logNormal(random, cpPlan ? config.cinPlanMedianMonths() / 2
                        : config.cinPlanMedianMonths(), config.cinPlanSpread());
                Instant planned = from.plus(Duration.ofMinutes((long) (months * DAYS_PER_MONTH * 24 * 60)));
                closeAfter = week.officeTime(random, week.workingDayOnOrAfter(WorkingCalendar.londonDate(
                        max(planned, lastStep))), lastStep);
                reason = Sampling.weighted(random, "CHILD_IN_CARE".equals(outcome) ? CARE_CLOSURES : CIN_CLOSURES);
            }
        }
        steps.add(new Action.CloseCase(max(closeAfter, lastStep.plusSeconds(60)), caseKey, childRef, reason));
        steps.sort(Comparator.comparing(Action::at));
        return steps;
    }

    /**
     * A plan's review conferences (the first after three months, then every six) until it ends, at a review
     * deciding NO_PLAN when one falls near the end, otherwise by recording its end. Returns when it ended.
     */
    private Instant planReviews(SplittableRandom random, List<Action> steps, long caseKey, String childRef,
            Instant conference) {
        double months = Sampling.logNormal(random, config.cpPlanMedianMonths(), cpPlanSigma);
        Instant planEnd = conference.plus(Duration.ofMinutes((long) (months * DAYS_PER_MONTH * 24 * 60)));
        LocalDate conferenceOn = WorkingCalendar.londonDate(conference);
        Instant previous = conference;
        for (int review = 0; ; review++) {
            LocalDate reviewOn = week.workingDayOnOrAfter(conferenceOn.plusMonths(3 + 6L * review));
            Instant reviewAt = week.officeTime(random, reviewOn, previous);
            if (reviewAt.isAfter(planEnd.plus(Duration.ofDays(45)))) {
                Instant ended = week.officeTime(random, week.workingDayOnOrAfter(WorkingCalendar.londonDate(planEnd)),
                        previous);
                steps.add(new Action.EndCpPlan(ended, caseKey, childRef));
                return ended;
            }
            boolean last = !reviewAt.isBefore(planEnd.minus(Duration.ofDays(45)));
            steps.add(new Action.HoldConference(reviewAt, caseKey, childRef, "REVIEW", last ? "NO_PLAN" : "CP_PLAN",
                    null));
            previous = reviewAt;
            if (last) {
                return reviewAt;
            }
        }
    }

    private Instant afterWorkingDays(SplittableRandom random, Instant from, int days) {
        return week.officeTime(random, week.addWorkingDays(WorkingCalendar.londonDate(from), days), from);
    }

    private static String primaryNeed(SplittableRandom random, boolean cpPlan) {
        if (cpPlan) {
            return "N1";
        }
        return Sampling.weighted(random, PRIMARY_NEEDS);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
