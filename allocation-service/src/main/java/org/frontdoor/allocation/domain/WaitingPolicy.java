package org.frontdoor.allocation.domain;

import java.time.LocalDate;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * How long an unallocated case has waited, in working days, and how that compares with the local
 * target: green under it, amber at it, red past it.
 */
public final class WaitingPolicy {

    private final WorkingCalendar calendar;
    private final int targetWorkingDays;

    public WaitingPolicy(WorkingCalendar calendar, int targetWorkingDays) {
        this.calendar = calendar;
        this.targetWorkingDays = targetWorkingDays;
    }

    public int workingDaysWaiting(LocalDate waitingSince, LocalDate today) {
        return Math.max(0, calendar.workingDaysBetween(waitingSince, today));
    }

    /**
     * The last London date a case can have waited since and still have waited more than {@code workingDays} working
     * days today. Waits only grow the earlier they began, so exactly the cases waiting since this date or earlier
     * are over the limit: the store can pick them out with a date instead of reading the whole queue.
     */
    public LocalDate lastDayWaitingMoreThan(int workingDays, LocalDate today) {
        LocalDate day = today;
        while (workingDaysWaiting(day, today) <= workingDays) {
            day = day.minusDays(1);
        }
        return day;
    }

    public Rag rag(int workingDaysWaiting) {
        if (workingDaysWaiting < targetWorkingDays) {
            return Rag.GREEN;
        }
        return workingDaysWaiting == targetWorkingDays ? Rag.AMBER : Rag.RED;
    }
}
