package org.frontdoor.metrics.domain;

/**
 * The indicators of DOMAIN.md §5, in that order, with their titles, units and shapes in one place so that
 * every response and dashboard names them the same way.
 */
public enum IndicatorCode {
    CONTACTS("Contacts received", IndicatorUnit.COUNT, Shape.PERIOD, false),
    CONTACT_DECISION_TIMELINESS("Contacts decided within timescale", IndicatorUnit.PERCENT, Shape.PERIOD, true),
    CONTACT_CONVERSION("Contacts decided as referrals", IndicatorUnit.PERCENT, Shape.PERIOD, false),
    DECISION_RATIONALE("Contact decisions with a recorded rationale", IndicatorUnit.PERCENT, Shape.PERIOD, false),
    REFERRALS("Referrals (cases opened)", IndicatorUnit.COUNT, Shape.PERIOD, false),
    RE_REFERRALS("Re-referrals within 12 months of a previous referral", IndicatorUnit.PERCENT, Shape.PERIOD, false),
    REFERRAL_NFA("Cases closed with no step after the referral", IndicatorUnit.PERCENT, Shape.PERIOD, false),
    ALLOCATION_TIMELINESS("Cases first allocated within the local target", IndicatorUnit.PERCENT, Shape.PERIOD,
            true),
    UNALLOCATED("Open cases with no allocated worker", IndicatorUnit.COUNT, Shape.SNAPSHOT, true),
    CASELOAD("Open cases per FTE of case-holding workers", IndicatorUnit.CASES_PER_FTE, Shape.SNAPSHOT, false),
    ASSESSMENT_TIMELINESS("Assessments completed within timescale", IndicatorUnit.PERCENT, Shape.PERIOD, true),
    ASSESSMENTS_OVERDUE("Open assessments past their due date", IndicatorUnit.COUNT, Shape.SNAPSHOT, true),
    S47_TO_ICPC("Section 47 enquiries leading to an initial conference", IndicatorUnit.PERCENT, Shape.PERIOD, false),
    ICPC_TIMELINESS("Initial conferences within 15 working days of the strategy discussion", IndicatorUnit.PERCENT,
            Shape.PERIOD, true),
    ICPC_TO_PLAN("Initial conferences resulting in a child protection plan", IndicatorUnit.PERCENT, Shape.PERIOD,
            false),
    REPEAT_CP_PLANS("Child protection plans for a child with an earlier plan", IndicatorUnit.PERCENT, Shape.PERIOD,
            false),
    CP_PLANS_2_YEARS("Child protection plans ended after two years or more", IndicatorUnit.PERCENT, Shape.PERIOD,
            false);

    /** Whether an indicator counts what completed in a period, or what stands at the end of it. */
    public enum Shape {
        /** Items counted in the period their completion falls in. */
        PERIOD,
        /** The state as at the end of {@code to}. */
        SNAPSHOT
    }

    private final String title;
    private final IndicatorUnit unit;
    private final Shape shape;
    private final boolean clocked;

    IndicatorCode(String title, IndicatorUnit unit, Shape shape, boolean clocked) {
        this.title = title;
        this.unit = unit;
        this.shape = shape;
        this.clocked = clocked;
    }

    public String title() {
        return title;
    }

    public IndicatorUnit unit() {
        return unit;
    }

    public Shape shape() {
        return shape;
    }

    /** Whether open items run against a clock, so the indicator can warn of those about to breach it. */
    public boolean clocked() {
        return clocked;
    }

    /** The code by its exact name, or null when there is none. */
    public static IndicatorCode find(String name) {
        for (IndicatorCode code : values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return null;
    }
}
