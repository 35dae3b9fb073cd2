package org.frontdoor.clocks;

/**
 * The unit a statutory clock is measured in, because assessment and conference deadlines are set
 * in working days while child protection reviews are set in calendar months.
 */
public enum ClockUnit {
    /** Working days in the {@link WorkingCalendar}: the anchor day is day 0. */
    WORKING_DAYS,
    /** Calendar months on local dates, clamped to the month's last day (31 January + 3 = 30 April). */
    MONTHS
}
