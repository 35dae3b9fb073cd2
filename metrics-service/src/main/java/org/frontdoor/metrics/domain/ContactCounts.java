package org.frontdoor.metrics.domain;

import java.util.List;

/**
 * What the contact facts hold for one filter, counted by the database; turning them into indicators here
 * keeps the DOMAIN.md §5 definitions testable without one.
 *
 * @param received          contacts received in the period
 * @param decided           contacts decided in the period (the completion period, whenever received)
 * @param decidedInTime     of those, decided within the contact decision clock
 * @param referred          of those, decided as a referral
 * @param rationaleRecorded of those, decided with a non-blank rationale
 */
public record ContactCounts(long received, long decided, long decidedInTime, long referred, long rationaleRecorded) {

    public List<Indicator> indicators() {
        return List.of(
                Indicator.count(IndicatorCode.CONTACTS, received),
                Indicator.ratio(IndicatorCode.CONTACT_DECISION_TIMELINESS, decidedInTime, decided),
                Indicator.ratio(IndicatorCode.CONTACT_CONVERSION, referred, decided),
                Indicator.ratio(IndicatorCode.DECISION_RATIONALE, rationaleRecorded, decided));
    }
}
