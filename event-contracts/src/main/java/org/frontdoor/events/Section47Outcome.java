package org.frontdoor.events;

/**
 * The outcome of a Section 47 enquiry (API.md enum section 47 {@code outcome}); the one list every
 * service checks, and the numerator of S47_TO_ICPC is {@link #ICPC_REQUIRED}.
 */
public enum Section47Outcome {
    ICPC_REQUIRED,
    NO_ICPC
}
