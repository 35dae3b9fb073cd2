package org.frontdoor.events;

/**
 * A red / amber / green rating (API.md: {@code rag} is {@code GREEN}, {@code AMBER} or {@code RED}
 * everywhere): of a worker's caseload against their threshold, of a case's wait in the queue, and
 * of an indicator against its target; the one list every service checks.
 */
public enum Rag {
    /** Within target. */
    GREEN,
    /** Near the limit: within tolerance (for a caseload, at 90 % of the threshold or more). */
    AMBER,
    /** Beyond the limit. */
    RED
}
