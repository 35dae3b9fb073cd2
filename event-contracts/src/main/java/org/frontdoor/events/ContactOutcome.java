package org.frontdoor.events;

/**
 * The outcome of a contact decision (API.md enum {@code outcome}); only {@link #REFERRAL} opens a
 * case and starts its clocks.
 */
public enum ContactOutcome {
    NO_FURTHER_ACTION,
    INFORMATION_AND_ADVICE,
    EARLY_HELP,
    REFERRAL,
    PASSED_TO_OPEN_CASE
}
