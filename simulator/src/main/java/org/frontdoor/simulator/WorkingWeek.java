package org.frontdoor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * The front door's week in London time: office hours on working days (the duty team) and everything else out
 * of hours (the emergency duty team), on the same working-day calendar the services use.
 */
final class WorkingWeek {

    private final WorkingCalendar calendar;
    private final LocalTime opens;
    private final LocalTime closes;

    WorkingWeek(WorkingCalendar calendar, LocalTime opens, LocalTime closes) {
        this.calendar = calendar;
        this.opens = opens;
        this.closes = closes;
    }

    WorkingCalendar calendar() {
        return calendar;
    }

    boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, WorkingCalendar.LONDON).toInstant();
    }

    Instant opening(LocalDate date) {
        return at(date, opens);
    }

    Instant closing(LocalDate date) {
        return at(date, closes);
    }

    Duration officeDay() {
        return Duration.between(opens, closes);
    }

    boolean inOfficeHours(Instant instant) {
        LocalDate date = WorkingCalendar.londonDate(instant);
        return isWorkingDay(date) && !instant.isBefore(opening(date)) && instant.isBefore(closing(date));
    }

    /** The date itself if it is a working day, otherwise the next working day. */
    LocalDate workingDayOnOrAfter(LocalDate date) {
        return isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1);
    }

    LocalDate addWorkingDays(LocalDate date, int days) {
        return calendar.addWorkingDays(date, days);
    }

    int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetween(from, to);
    }

    /**
     * A time when staff record something on {@code date}: during office hours (up to half an hour late) and
     * after {@code notBefore}; if the day has no room left, a few minutes after {@code notBefore}.
     */
    Instant officeTime(SplittableRandom random, LocalDate date, Instant notBefore) {
        Instant start = at(date, opens.plusMinutes(10));
        Instant end = at(date, closes.plusMinutes(30));
        if (notBefore != null && !notBefore.isBefore(start)) {
            start = notBefore.plusSeconds(60);
        }
        if (!start.isBefore(end)) {
            return notBefore.plusSeconds(60 + random.nextInt(1800));
        }
        long span = Math.max(1, Duration.between(start, end).getSeconds());
        return start.plusSeconds(random.nextLong(span)).plusMillis(random.nextInt(1000));
    }
}
