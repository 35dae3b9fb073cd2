package org.frontdoor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * Live mode's compressed time: an office day (09:00-17:00) lasts {@code dayMinutes} real minutes and time out
 * of hours runs {@code outOfHoursSpeedup} times faster still, so a demo is busy at once and nights and weekends
 * pass quickly. Maps a simulated instant to the real delay after the start at which it is due.
 */
final class LiveClock {

    private final WorkingWeek week;
    private final Instant simulatedStart;
    private final double officeRate;
    private final double outOfHoursRate;
    private Instant cursor;
    private double cursorSeconds;

    LiveClock(WorkingWeek week, Instant simulatedStart, double dayMinutes, double outOfHoursSpeedup) {
        this.week = week;
        this.simulatedStart = simulatedStart;
        this.officeRate = dayMinutes * 60 / week.officeDay().getSeconds();
        this.outOfHoursRate = officeRate / outOfHoursSpeedup;
        this.cursor = simulatedStart;
    }

    /** Where a live run starts in simulated time: now if the office is open, otherwise when it next opens. */
    static Instant start(WorkingWeek week, Instant now) {
        if (week.inOfficeHours(now)) {
            return now;
        }
        LocalDate today = WorkingCalendar.londonDate(now);
        if (week.isWorkingDay(today) && now.isBefore(week.opening(today))) {
            return week.opening(today);
        }
        return week.opening(week.addWorkingDays(today, 1));
    }

    /** Real time after the start at which the simulated instant is due (instants must come in order). */
    synchronized Duration realOffset(Instant simulated) {
        if (simulated.isBefore(cursor)) {
            cursor = simulatedStart;
            cursorSeconds = 0;
            if (simulated.isBefore(simulatedStart)) {
                return Duration.ZERO;
            }
        }
        while (cursor.isBefore(simulated)) {
            LocalDate date = WorkingCalendar.londonDate(cursor);
            Instant midnight = date.plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant();
            Instant segmentEnd;
            double rate;
            if (week.inOfficeHours(cursor)) {
                segmentEnd = week.closing(date);
                rate = officeRate;
            } else {
                Instant opening = week.opening(date);
                segmentEnd = week.isWorkingDay(date) && cursor.isBefore(opening) ? opening : midnight;
                rate = outOfHoursRate;
            }
            if (segmentEnd.isAfter(simulated)) {
                segmentEnd = simulated;
            }
            cursorSeconds += Duration.between(cursor, segmentEnd).toMillis() / 1000.0 * rate;
            cursor = segmentEnd;
        }
        return Duration.ofMillis((long) (cursorSeconds * 1000));
    }
}
