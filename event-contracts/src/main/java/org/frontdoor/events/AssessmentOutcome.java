package org.frontdoor.events;

/** What a completed assessment led to (API.md enum assessment {@code outcome}); the one list every service checks. */
public enum AssessmentOutcome {
    NO_FURTHER_ACTION,
    CHILD_IN_NEED_PLAN,
    STRATEGY_DISCUSSION,
    EARLY_HELP,
    CHILD_IN_CARE,
    OTHER
}
