package org.frontdoor.allocation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local limits at which duty managers are alerted (DOMAIN.md §4), with its defaults. A worker's caseload
 * alert uses the caseload threshold of {@link AllocationConfig}, so the alert and the allocation refusal agree.
 */
@ConfigMapping(prefix = "frontdoor.alerts")
public interface AlertConfig {

    /** A case waiting unallocated for more than this many working days raises {@code CASE_UNALLOCATED_TOO_LONG}. */
    @WithDefault("5")
    int caseUnallocatedWorkingDays();

    /** More unallocated cases than this in one team raise {@code QUEUE_ABOVE_THRESHOLD}. */
    @WithDefault("20")
    int queueThreshold();

    /**
     * How often alerts are evaluated even when nothing changes, because waiting time grows on its own (a case
     * crosses its limit at the start of a working day, after a weekend or a bank holiday).
     */
    @WithDefault("PT1M")
    Duration evaluationPeriod();
}
