package org.frontdoor.metrics.domain;

/**
 * The indicators of DOMAIN.md §5 this service answers, with their titles and units in one place so that
 * every response and dashboard names them the same way.
 */
public enum IndicatorCode {
    CONTACTS("Contacts received", IndicatorUnit.COUNT),
    CONTACT_DECISION_TIMELINESS("Contacts decided within timescale", IndicatorUnit.PERCENT),
    CONTACT_CONVERSION("Contacts decided as referrals", IndicatorUnit.PERCENT),
    DECISION_RATIONALE("Contact decisions with a recorded rationale", IndicatorUnit.PERCENT),
    REFERRALS("Referrals (cases opened)", IndicatorUnit.COUNT),
    RE_REFERRALS("Re-referrals within 12 months of a previous referral", IndicatorUnit.PERCENT);

    private final String title;
    private final IndicatorUnit unit;

    IndicatorCode(String title, IndicatorUnit unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() {
        return title;
    }

    public IndicatorUnit unit() {
        return unit;
    }
}
