package org.frontdoor.clocks;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The statutory rule sets Front Door knows, Working Together 2023 (the default) and Working
 * Together 2010 (for referrals before 15 April 2013), so every service measures the same clocks.
 */
public final class RuleSets {

    /** Contact decision within 1 working day of receipt. */
    public static final ClockRule CONTACT_DECISION = new ClockRule(
            "CONTACT_DECISION", ClockAnchor.CONTACT_RECEIVED, "contact decision", 1, ClockUnit.WORKING_DAYS);

    /** Single assessment within 45 working days of the referral date (WT2023). */
    public static final ClockRule ASSESSMENT = new ClockRule(
            "ASSESSMENT", ClockAnchor.REFERRAL, "assessment completed", 45, ClockUnit.WORKING_DAYS);

    /** Initial assessment within 10 working days of referral (WT2010). */
    public static final ClockRule INITIAL_ASSESSMENT = new ClockRule(
            "INITIAL_ASSESSMENT", ClockAnchor.REFERRAL, "initial assessment completed", 10,
            ClockUnit.WORKING_DAYS);

    /** Core assessment within 35 working days of its start (WT2010). */
    public static final ClockRule CORE_ASSESSMENT = new ClockRule(
            "CORE_ASSESSMENT", ClockAnchor.CORE_ASSESSMENT_START, "core assessment completed", 35,
            ClockUnit.WORKING_DAYS);

    /** Initial child protection conference within 15 working days of the strategy discussion. */
    public static final ClockRule ICPC = new ClockRule(
            "ICPC", ClockAnchor.STRATEGY_DISCUSSION, "initial child protection conference", 15,
            ClockUnit.WORKING_DAYS);

    /** First core group within 10 working days of the ICPC. */
    public static final ClockRule FIRST_CORE_GROUP = new ClockRule(
            "FIRST_CORE_GROUP", ClockAnchor.ICPC, "first core group", 10, ClockUnit.WORKING_DAYS);

    /** First child protection review within 3 months of the ICPC. */
    public static final ClockRule FIRST_CP_REVIEW = new ClockRule(
            "FIRST_CP_REVIEW", ClockAnchor.ICPC, "first child protection review", 3, ClockUnit.MONTHS);

    /** Each later child protection review within 6 months of the previous one. */
    public static final ClockRule SUBSEQUENT_CP_REVIEW = new ClockRule(
            "SUBSEQUENT_CP_REVIEW", ClockAnchor.PREVIOUS_CP_REVIEW, "child protection review", 6,
            ClockUnit.MONTHS);

    /** Working Together 2023, the current statutory guidance and the default. */
    public static final RuleSet WT2023 = new RuleSet("WT2023", List.of(
            CONTACT_DECISION, ASSESSMENT, ICPC, FIRST_CORE_GROUP, FIRST_CP_REVIEW, SUBSEQUENT_CP_REVIEW));

    /** Working Together 2010, for historic referrals before {@link #WT2023_IN_FORCE_FROM}. */
    public static final RuleSet WT2010 = new RuleSet("WT2010", List.of(
            CONTACT_DECISION, INITIAL_ASSESSMENT, CORE_ASSESSMENT, ICPC, FIRST_CORE_GROUP,
            FIRST_CP_REVIEW, SUBSEQUENT_CP_REVIEW));

    /** The day Working Together 2013 replaced the 2010 timescales; WT2023 clocks apply from then. */
    public static final LocalDate WT2023_IN_FORCE_FROM = LocalDate.of(2013, 4, 15);

    private static final List<RuleSet> ALL = List.of(WT2023, WT2010);

    private RuleSets() {
    }

    /** @return every known rule set, the default first */
    public static List<RuleSet> all() {
        return ALL;
    }

    /**
     * @param name a rule set name, in any case (e.g. {@code wt2010})
     * @return the rule set
     * @throws IllegalArgumentException naming the valid rule sets if there is none by that name
     */
    public static RuleSet byName(String name) {
        Objects.requireNonNull(name, "name");
        for (RuleSet set : ALL) {
            if (set.name().equalsIgnoreCase(name.strip())) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown rule set '" + name + "'; valid rule sets are "
                + ALL.stream().map(RuleSet::name).toList());
    }

    /**
     * The rule set that applied to a referral: WT2010 before 15 April 2013, WT2023 from then on.
     *
     * @param referralDate the referral date
     * @return the rule set in force on that date
     */
    public static RuleSet inForceOn(LocalDate referralDate) {
        Objects.requireNonNull(referralDate, "referralDate");
        return referralDate.isBefore(WT2023_IN_FORCE_FROM) ? WT2010 : WT2023;
    }
}
