package org.frontdoor.metrics.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The local targets of DOMAIN.md §4 that indicators measure against (configuration, defaults 5 WD and 18
 * cases per FTE).
 *
 * @param allocationWorkingDays a case should be allocated within this many WD of its referral date
 * @param caseloadThreshold     cases per FTE above which a worker is over threshold, unless they have their own
 */
public record LocalTargets(int allocationWorkingDays, BigDecimal caseloadThreshold) {

    public static final LocalTargets DEFAULT = new LocalTargets(5, BigDecimal.valueOf(18));

    public LocalTargets {
        Objects.requireNonNull(caseloadThreshold, "caseloadThreshold");
        if (allocationWorkingDays < 0) {
            throw new IllegalArgumentException("allocation target must not be negative: " + allocationWorkingDays);
        }
    }
}
