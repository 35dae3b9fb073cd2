package org.frontdoor.clocks;

/**
 * The event a statutory clock starts from, so that a rule says which date in a case's history
 * its limit is counted from.
 */
public enum ClockAnchor {
    /** A contact reaching the front door. */
    CONTACT_RECEIVED,
    /** The referral date (a contact accepted as a referral). */
    REFERRAL,
    /** The start of a core assessment (Working Together 2010). */
    CORE_ASSESSMENT_START,
    /** The strategy discussion that initiated the section 47 enquiry. */
    STRATEGY_DISCUSSION,
    /** The initial child protection conference. */
    ICPC,
    /** The previous child protection review conference. */
    PREVIOUS_CP_REVIEW
}
