package org.frontdoor.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every rate and mix of the simulated front door, read from {@code defaults.properties} and overridden by a
 * file or single settings, so that a run is described completely by its configuration and its seed. The keys
 * and the national figures behind the defaults are tabulated in docs/simulator.md.
 */
public record SimulationConfig(
        int laChildren,
        List<String> teams,
        double nationalChildren,
        double nationalContactsPerYear,
        double nationalReferralsPerYear,
        LocalTime officeOpens,
        LocalTime officeCloses,
        double outOfHoursShare,
        double siblingGroupShare,
        double knownChildShare,
        Map<String, Double> sources,
        Map<String, Double> channels,
        double passedToOpenCaseShare,
        double earlyHelpShare,
        double informationAndAdviceShare,
        Map<String, Double> decisionDelayWorkingDays,
        double reReferralShare,
        double referralNfaShare,
        int assessmentStartMaxWorkingDays,
        double assessmentMedianWorkingDays,
        double assessmentWithin45Share,
        double strategyDiscussionShare,
        int strategyDiscussionMaxWorkingDays,
        double section47Share,
        double icpcRequiredShare,
        double icpcMedianWorkingDays,
        double icpcWithin15Share,
        double cpPlanShare,
        Map<String, Double> cpPlanCategories,
        double cpPlanMedianMonths,
        double cpPlan2YearsShare,
        Map<String, Double> assessmentOutcomes,
        double cinPlanMedianMonths,
        double cinPlanSpread,
        int closureMaxWorkingDays,
        double caseloadTargetPerFte,
        double caseloadThresholdPerFte,
        double partTimeShare,
        double partTimeFte,
        Map<String, Double> allocationDelayWorkingDays,
        int overrideAfterWorkingDays,
        double surgeFactor,
        double absenceShare,
        double liveDayMinutes,
        double liveOutOfHoursSpeedup,
        int backfillClients) {

    public static final String DEFAULTS = "defaults.properties";

    /** The defaults, as documented. */
    public static SimulationConfig defaults() {
        return from(defaultProperties());
    }

    public static Properties defaultProperties() {
        Properties properties = new Properties();
        try (InputStream in = SimulationConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULTS + " on the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DEFAULTS, e);
        }
        return properties;
    }

    /** The defaults overridden by a properties file. */
    public static Properties withFile(Properties base, Path file) throws IOException {
        Properties merged = new Properties();
        merged.putAll(base);
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties overrides = new Properties();
            overrides.load(reader);
            for (String key : overrides.stringPropertyNames()) {
                if (!base.containsKey(key)) {
                    throw new IllegalArgumentException("Unknown setting " + key + " in " + file);
                }
                merged.setProperty(key, overrides.getProperty(key));
            }
        }
        return merged;
    }

    /** The settings overridden by one {@code key=value}; an unknown key is a mistake, not a new setting. */
    public static Properties with(Properties base, String key, String value) {
        if (!base.containsKey(key)) {
            throw new IllegalArgumentException("Unknown setting " + key + " (see --help for the keys)");
        }
        Properties merged = new Properties();
        merged.putAll(base);
        merged.setProperty(key, value);
        return merged;
    }

    public static SimulationConfig from(Properties p) {
        Settings r = new Settings(p);
        SimulationConfig config = new SimulationConfig(
                r.integer("la.children"),
                r.list("la.teams"),
                r.number("national.children"),
                r.number("national.contacts-per-year"),
                r.number("national.referrals-per-year"),
                LocalTime.parse(r.text("arrivals.office-opens")),
                LocalTime.parse(r.text("arrivals.office-closes")),
                r.share("arrivals.out-of-hours-share"),
                r.share("arrivals.sibling-group-share"),
                r.share("arrivals.known-child-share"),
                r.weights("arrivals.sources"),
                r.weights("arrivals.channels"),
                r.share("decision.passed-to-open-case-share"),
                r.share("decision.early-help-share"),
                r.share("decision.information-and-advice-share"),
                r.weights("decision.delay-working-days"),
                r.share("decision.re-referral-share"),
                r.share("journey.referral-nfa-share"),
                r.integer("journey.assessment-start-max-working-days"),
                r.number("journey.assessment-median-working-days"),
                r.share("journey.assessment-within-45-share"),
                r.share("journey.strategy-discussion-share"),
                r.integer("journey.strategy-discussion-max-working-days"),
                r.share("journey.section47-share"),
                r.share("journey.icpc-required-share"),
                r.number("journey.icpc-median-working-days"),
                r.share("journey.icpc-within-15-share"),
                r.share("journey.cp-plan-share"),
                r.weights("journey.cp-plan-categories"),
                r.number("journey.cp-plan-median-months"),
                r.share("journey.cp-plan-2-years-share"),
                r.weights("journey.assessment-outcomes"),
                r.number("journey.cin-plan-median-months"),
                r.number("journey.cin-plan-spread"),
                r.integer("journey.closure-max-working-days"),
                r.number("workforce.caseload-target-per-fte"),
                r.number("workforce.caseload-threshold-per-fte"),
                r.share("workforce.part-time-share"),
                r.number("workforce.part-time-fte"),
                r.weights("allocation.delay-working-days"),
                r.integer("allocation.override-after-working-days"),
                r.number("pressure.surge-factor"),
                r.share("pressure.absence-share"),
                r.number("live.day-minutes"),
                r.number("live.out-of-hours-speedup"),
                r.integer("backfill.clients"));
        config.check();
        return config;
    }

    private void check() {
        if (referralShare() + passedToOpenCaseShare + earlyHelpShare + informationAndAdviceShare > 1.0) {
            throw new IllegalArgumentException("Contact outcome shares add up to more than 1 (REFERRAL is "
                    + String.format("%.3f", referralShare()) + ")");
        }
        if (!officeOpens.isBefore(officeCloses)) {
            throw new IllegalArgumentException("arrivals.office-opens must be before arrivals.office-closes");
        }
        if (teams.isEmpty() || laChildren <= 0 || surgeFactor <= 0 || liveDayMinutes <= 0 || backfillClients <= 0) {
            throw new IllegalArgumentException("la.teams, la.children, pressure.surge-factor, live.day-minutes and "
                    + "backfill.clients must be positive");
        }
    }

    /** Contacts the authority receives in a year: the national rate per child times its children. */
    public double contactsPerYear() {
        return nationalContactsPerYear * laChildren / nationalChildren;
    }

    public double referralsPerYear() {
        return nationalReferralsPerYear * laChildren / nationalChildren;
    }

    /** The share of decided contacts that become referrals: referrals / contacts nationally. */
    public double referralShare() {
        return nationalReferralsPerYear / nationalContactsPerYear;
    }

    public double noFurtherActionShare() {
        return 1.0 - referralShare() - passedToOpenCaseShare - earlyHelpShare - informationAndAdviceShare;
    }

    /** Reads typed values, naming the key in every mistake. */
    private record Settings(Properties properties) {

        String text(String key) {
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Missing setting " + key);
            }
            return value.trim();
        }

        double number(String key) {
            try {
                return Double.parseDouble(text(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, not " + text(key));
            }
        }

        int integer(String key) {
            try {
                return Integer.parseInt(text(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, not " + text(key));
            }
        }

        double share(String key) {
            double value = number(key);
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException(key + " must be between 0 and 1, not " + value);
            }
            return value;
        }

        List<String> list(String key) {
            List<String> values = new ArrayList<>();
            for (String item : text(key).split(",")) {
                if (!item.isBlank()) {
                    values.add(item.trim());
                }
            }
            return List.copyOf(values);
        }

        /** {@code a:3,b:1} as an ordered map of weights. */
        Map<String, Double> weights(String key) {
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String item : list(key)) {
                int colon = item.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException(key + " must be a list of name:weight, not " + item);
                }
                try {
                    weights.put(item.substring(0, colon).trim(), Double.parseDouble(item.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + ": " + item + " has no numeric weight");
                }
            }
            return Collections.unmodifiableMap(weights);
        }
    }
}
