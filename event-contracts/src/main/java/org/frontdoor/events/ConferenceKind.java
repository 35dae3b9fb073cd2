package org.frontdoor.events;

/**
 * The kind of a child protection conference (API.md enum conference {@code kind}); the one list every
 * service checks. Only an {@link #INITIAL} conference (the ICPC) is on a clock and can start a plan.
 */
public enum ConferenceKind {
    INITIAL,
    REVIEW
}
