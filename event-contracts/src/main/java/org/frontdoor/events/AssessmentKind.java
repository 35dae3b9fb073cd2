package org.frontdoor.events;

/**
 * The kind of a child and family assessment (API.md enum assessment {@code kind}); the one list every
 * service checks. {@link #SINGLE} is the assessment since April 2013 (WT2023 clocks);
 * {@link #INITIAL} and {@link #CORE} are the two assessments of historic WT2010 data.
 */
public enum AssessmentKind {
    /** The single assessment, due 45 working days after the referral date; the default. */
    SINGLE,
    /** WT2010 initial assessment, due 10 working days after the referral date. */
    INITIAL,
    /** WT2010 core assessment, due 35 working days after its own start date. */
    CORE
}
