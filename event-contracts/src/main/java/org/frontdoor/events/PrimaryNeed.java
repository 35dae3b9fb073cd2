package org.frontdoor.events;

/**
 * The Children in Need census primary need code recorded at the end of an assessment (DOMAIN.md §3);
 * the one list every service checks.
 */
public enum PrimaryNeed {
    /** Not stated. */
    N0,
    /** Abuse or neglect. */
    N1,
    /** Child's disability. */
    N2,
    /** Parental disability or illness. */
    N3,
    /** Family in acute stress. */
    N4,
    /** Family dysfunction. */
    N5,
    /** Socially unacceptable behaviour. */
    N6,
    /** Low income. */
    N7,
    /** Absent parenting. */
    N8,
    /** Cases other than child in need. */
    N9
}
