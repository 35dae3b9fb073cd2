package org.frontdoor.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.ContactOutcome;

/**
 * A manager's decision on a contact, as the contact facts need it. It carries the contact's receipt too,
 * so the decision's working days are known even when it arrives before the contact itself.
 */
public record ContactDecision(UUID contactId, String childRef, String team, String source, Instant receivedAt,
        LocalDate decisionDueBy, Instant decidedAt, ContactOutcome outcome, boolean rationaleRecorded) {

    public ContactDecision {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(outcome, "outcome");
    }

    public LocalDate receivedDate() {
        return WorkingCalendar.londonDate(receivedAt);
    }

    /** The London date of the decision: the day the decision indicators count it in. */
    public LocalDate decidedDate() {
        return WorkingCalendar.londonDate(decidedAt);
    }

    /** Working days from receipt to decision on London dates (DOMAIN.md §4: the day of receipt is day 0). */
    public int workingDays(WorkingCalendar calendar) {
        return calendar.workingDaysBetween(receivedDate(), decidedDate());
    }
}
