package org.frontdoor.events;

/**
 * The outcome of a child protection conference (API.md enum conference {@code outcome}); the one list
 * every service checks. {@link #CP_PLAN} at an initial conference starts a child protection plan.
 */
public enum ConferenceOutcome {
    CP_PLAN,
    NO_PLAN
}
