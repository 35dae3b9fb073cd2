package org.frontdoor.metrics.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * An open item whose clock runs out soon (API.md {@code /at-risk}): what a manager can still act on.
 *
 * @param dueDate          the last date that still meets the clock
 * @param workingDaysLeft  working days from today to the due date (0: due today)
 */
public record AtRiskItem(String id, String childRef, String team, LocalDate anchorDate, LocalDate dueDate,
        int workingDaysLeft) {

    /** Soonest first, then by id so the order is stable. */
    public static final Comparator<AtRiskItem> SOONEST_FIRST = Comparator.comparing(AtRiskItem::dueDate)
            .thenComparing(AtRiskItem::id);

    /**
     * The item if its clock has not run out by {@code today} and will within {@code within} working days.
     */
    public static Optional<AtRiskItem> of(String id, String childRef, String team, LocalDate anchorDate,
            LocalDate dueDate, LocalDate today, int within, WorkingCalendar calendar) {
        if (dueDate == null || dueDate.isBefore(today)) {
            return Optional.empty();
        }
        int left = calendar.workingDaysBetween(today, dueDate);
        return left <= within ? Optional.of(new AtRiskItem(id, childRef, team, anchorDate, dueDate, left))
                : Optional.empty();
    }
}
