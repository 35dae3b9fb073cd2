package org.frontdoor.metrics.domain;

import java.time.LocalDate;

/**
 * One contact or case step behind an indicator's number (API.md {@code /items}): its clock's anchor and
 * completion dates, the working days between them, and whether it met the clock and the numerator.
 *
 * @param id          the contact, case, assessment, enquiry, conference or plan id
 * @param anchorDate  the date the item's clock counts from (for a snapshot, since when it has waited)
 * @param doneDate    the completion date that put it in the period, or null for an open item
 * @param workingDays working days from anchor to completion (to the snapshot date when open), or null
 *                    when the indicator has no clock for it
 * @param inTimescale whether it met its clock; null when the indicator has none
 * @param inNumerator whether it counts in the numerator (for a count indicator, always)
 */
public record IndicatorItem(String id, String childRef, String team, LocalDate anchorDate, LocalDate doneDate,
        Integer workingDays, Boolean inTimescale, boolean inNumerator) {
}
