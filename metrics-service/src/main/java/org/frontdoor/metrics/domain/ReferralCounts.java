package org.frontdoor.metrics.domain;

import java.util.List;

/**
 * What the case facts hold for one filter, counted by the database, and the referral indicators made
 * from them (DOMAIN.md §5).
 *
 * @param referrals   cases opened with a referral date in the period
 * @param reReferrals of those, for a child with a previous referral within the 12 months before
 */
public record ReferralCounts(long referrals, long reReferrals) {

    public List<Indicator> indicators() {
        return List.of(
                Indicator.count(IndicatorCode.REFERRALS, referrals),
                Indicator.ratio(IndicatorCode.RE_REFERRALS, reReferrals, referrals));
    }
}
