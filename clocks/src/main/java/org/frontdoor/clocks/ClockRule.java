package org.frontdoor.clocks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One statutory timescale, such as "assessment within 45 working days of the referral date",
 * kept as data so that rule sets from different editions of the guidance can be compared.
 *
 * @param name the rule's stable identifier, e.g. {@code ASSESSMENT}
 * @param anchor the event the clock starts from
 * @param target what must happen before the clock runs out, in words
 * @param limit how many units are allowed, zero or more
 * @param unit working days or calendar months
 */
public record ClockRule(String name, ClockAnchor anchor, String target, int limit, ClockUnit unit) {

    /** Rejects blank names and targets, nulls and negative limits. */
    public ClockRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank()) {
            throw new IllegalArgumentException("clock rule name must not be blank");
        }
        if (target.isBlank()) {
            throw new IllegalArgumentException("clock rule " + name + " target must not be blank");
        }
        if (limit < 0) {
            throw new IllegalArgumentException(
                    "clock rule " + name + " limit must not be negative: " + limit);
        }
    }

    /**
     * The last date on which the target still meets this rule.
     *
     * @param anchorDate the date of the anchor event
     * @param calendar the working-day calendar (unused for monthly rules)
     * @return the limit-th working day after the anchor, or the anchor plus limit months
     */
    public LocalDate dueDate(LocalDate anchorDate, WorkingCalendar calendar) {
        Objects.requireNonNull(anchorDate, "anchorDate");
        if (unit == ClockUnit.MONTHS) {
            return anchorDate.plusMonths(limit);
        }
        return Objects.requireNonNull(calendar, "calendar").addWorkingDays(anchorDate, limit);
    }

    /**
     * Whether a target met on {@code doneDate} was within this rule.
     *
     * @param anchorDate the date of the anchor event
     * @param doneDate the date the target was met
     * @param calendar the working-day calendar (unused for monthly rules)
     * @return true if within the limit
     */
    public boolean isWithin(LocalDate anchorDate, LocalDate doneDate, WorkingCalendar calendar) {
        Objects.requireNonNull(anchorDate, "anchorDate");
        Objects.requireNonNull(doneDate, "doneDate");
        if (unit == ClockUnit.MONTHS) {
            return !doneDate.isAfter(anchorDate.plusMonths(limit));
        }
        return Objects.requireNonNull(calendar, "calendar").isWithin(anchorDate, doneDate, limit);
    }
}
