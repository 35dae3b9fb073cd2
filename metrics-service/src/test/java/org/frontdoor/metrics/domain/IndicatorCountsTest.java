package org.frontdoor.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Counts from the fact tables become the DOMAIN.md §5 indicators with the right numerators and denominators. */
class IndicatorCountsTest {

    @Test
    void contactCountsGiveTheFourContactIndicatorsInDomainOrder() {
        // 3 received; of 2 decided, 1 in time, 1 a referral, 2 with a rationale.
        List<Indicator> indicators = new ContactCounts(3, 2, 1, 1, 2).indicators();

        assertEquals(List.of(IndicatorCode.CONTACTS, IndicatorCode.CONTACT_DECISION_TIMELINESS,
                IndicatorCode.CONTACT_CONVERSION, IndicatorCode.DECISION_RATIONALE),
                indicators.stream().map(Indicator::code).toList());
        assertEquals("CONTACTS 3/null=3", describe(indicators.get(0)));
        assertEquals("CONTACT_DECISION_TIMELINESS 1/2=50.0", describe(indicators.get(1)));
        assertEquals("CONTACT_CONVERSION 1/2=50.0", describe(indicators.get(2)));
        assertEquals("DECISION_RATIONALE 2/2=100.0", describe(indicators.get(3)));
    }

    @Test
    void contactsReceivedButNoneDecidedHaveNoDecisionPercentages() {
        List<Indicator> indicators = new ContactCounts(4, 0, 0, 0, 0).indicators();

        assertEquals("CONTACTS 4/null=4", describe(indicators.get(0)));
        assertEquals("CONTACT_DECISION_TIMELINESS 0/0=null", describe(indicators.get(1)));
        assertEquals("CONTACT_CONVERSION 0/0=null", describe(indicators.get(2)));
    }

    @Test
    void referralCountsGiveReferralsAndTheReReferralRate() {
        List<Indicator> indicators = new ReferralCounts(9, 2).indicators();

        assertEquals("REFERRALS 9/null=9", describe(indicators.get(0)));
        assertEquals("RE_REFERRALS 2/9=22.2", describe(indicators.get(1)));
        assertEquals("RE_REFERRALS 0/0=null", describe(new ReferralCounts(0, 0).indicators().get(1)));
    }

    private static String describe(Indicator indicator) {
        return indicator.code() + " " + indicator.numerator() + "/" + indicator.denominator() + "="
                + (indicator.value() == null ? "null" : indicator.value().toPlainString());
    }
}
