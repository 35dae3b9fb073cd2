package org.frontdoor.kit.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.kit.problem.InvalidFieldProblem;

/**
 * Gives every service the same working-day calendar and wall clock, and the one check that a time in a
 * request is neither in the future (beyond skew) nor implausibly old.
 */
@ApplicationScoped
public class Clocks {

    private final ClocksConfig config;

    public Clocks(ClocksConfig config) {
        this.config = config;
    }

    @Produces
    @Singleton
    WorkingCalendar workingCalendar() {
        return config.calendarFile().map(WorkingCalendar::fromFile).orElseGet(WorkingCalendar::englandAndWales);
    }

    /** UTC, ticking in microseconds: what PostgreSQL stores, so an answer shows the time as it was kept. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }

    /**
     * Returns {@code value}, or {@code now} when it was left out; refuses a time in the future beyond the
     * configured skew or before the earliest plausible date.
     *
     * @param field the request field, named in the problem response
     */
    public Instant requestTime(String field, Instant value, Instant now) {
        if (value == null) {
            return now;
        }
        if (value.isAfter(now.plus(config.futureSkew()))) {
            throw new InvalidFieldProblem(field, "must not be in the future");
        }
        if (WorkingCalendar.londonDate(value).isBefore(config.earliestDate())) {
            throw new InvalidFieldProblem(field, "must not be before " + config.earliestDate());
        }
        return value;
    }

    /** The same check for a date. */
    public LocalDate requestDate(String field, LocalDate value, Instant now) {
        if (value.isAfter(WorkingCalendar.londonDate(now.plus(config.futureSkew())))) {
            throw new InvalidFieldProblem(field, "must not be in the future");
        }
        if (value.isBefore(config.earliestDate())) {
            throw new InvalidFieldProblem(field, "must not be before " + config.earliestDate());
        }
        return value;
    }
}
