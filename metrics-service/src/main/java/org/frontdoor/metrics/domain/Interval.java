package org.frontdoor.metrics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps of an indicator's series (API.md {@code interval}): weeks start on Monday and months on the
 * 1st, and the first and last steps are cut to the period, so the steps cover the period exactly once.
 */
public enum Interval {
    WEEK,
    MONTH;

    /** One step of a series: inclusive local dates. */
    public record Step(LocalDate from, LocalDate to) {
    }

    public List<Step> split(LocalDate from, LocalDate to) {
        List<Step> steps = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = this == WEEK ? start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
                    : start.with(TemporalAdjusters.lastDayOfMonth());
            if (end.isAfter(to)) {
                end = to;
            }
            steps.add(new Step(start, end));
            start = end.plusDays(1);
        }
        return steps;
    }
}
