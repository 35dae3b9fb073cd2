package org.frontdoor.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A referral that opened a case, as the case facts need it: what REFERRALS and RE_REFERRALS count, by
 * its referral date.
 */
public record Referral(UUID caseId, String childRef, UUID contactId, String team, String source, Instant openedAt,
        LocalDate referralDate, boolean reReferral, int referralsInPrevious12Months) {

    public Referral {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(referralDate, "referralDate");
    }
}
