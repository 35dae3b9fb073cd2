package org.frontdoor.metrics.config;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the local authority measures its indicators against (DOMAIN.md §4-5): its local targets, and a
 * RAG target per indicator code. Defaults are in application.properties and
 * docs/services/metrics-service.md.
 */
@ConfigMapping(prefix = "frontdoor.indicators")
public interface IndicatorsConfig {

    /** A case should be allocated within this many working days of its referral date (DOMAIN.md §4). */
    @WithDefault("5")
    int allocationWorkingDays();

    /** Cases per FTE above which a worker is over threshold, unless the worker has their own. */
    @WithDefault("18")
    BigDecimal caseloadThreshold();

    /** Most steps a series may have (a weekly series of about 7 years); more is refused as a client mistake. */
    @WithDefault("400")
    int maxSeriesSteps();

    /** RAG targets by indicator code, e.g. {@code frontdoor.indicators.targets.ASSESSMENT_TIMELINESS.target=86}. */
    Map<String, Target> targets();

    /** One indicator's target: green on it, amber within tolerance, red beyond. */
    interface Target {

        /** The value to reach, in the indicator's unit (a percentage for a ratio). */
        BigDecimal target();

        /** How far short of the target is still amber. */
        @WithDefault("0")
        BigDecimal tolerance();

        /** Whether more is better (timeliness) or worse (re-referrals, overdue counts). */
        @WithDefault("true")
        boolean higherIsBetter();
    }
}
