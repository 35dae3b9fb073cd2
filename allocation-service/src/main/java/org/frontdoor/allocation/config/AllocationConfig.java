package org.frontdoor.allocation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The local targets an authority sets for allocation and caseloads (DOMAIN.md §4), with its defaults. */
@ConfigMapping(prefix = "frontdoor.allocation")
public interface AllocationConfig {

    /** A case should be allocated within this many working days of its referral date: amber at it, red past it. */
    @WithDefault("5")
    int targetWorkingDays();

    /** Cases per full-time equivalent at which a worker is over threshold, unless the worker has their own. */
    @WithDefault("18")
    double caseloadThresholdPerFte();

    /** Fraction of the threshold at which a caseload turns amber. */
    @WithDefault("0.9")
    double amberFraction();

    /**
     * How long an allocation made for a case this service has not heard of yet is held waiting for the case's
     * event (events in any order) before it is dropped with a warning.
     */
    @WithDefault("PT1H")
    Duration holdFor();
}
