package org.frontdoor.events;

/**
 * The Children in Need census reason a case closed (DOMAIN.md §3, API.md enum closure {@code reason});
 * the one list every service checks.
 */
public enum ClosureReason {
    /** Adopted. */
    RC1,
    /** Died. */
    RC2,
    /** Child arrangements order. */
    RC3,
    /** Special guardianship order. */
    RC4,
    /** Transferred to another local authority. */
    RC5,
    /** Transferred to adult services. */
    RC6,
    /** Services ceased for any other reason, including the child no longer being in need. */
    RC7,
    /** Case closed after assessment, no further action. */
    RC8,
    /** Case closed after assessment, referred to early help. */
    RC9
}
