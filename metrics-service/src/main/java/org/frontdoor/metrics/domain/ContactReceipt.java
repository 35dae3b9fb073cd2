package org.frontdoor.metrics.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.Channel;

/**
 * A contact reaching the front door, as the contact facts need it: what CONTACTS counts and what starts
 * the contact decision clock.
 */
public record ContactReceipt(UUID contactId, String childRef, String team, String source, Channel channel,
        boolean outOfHours, Instant receivedAt, LocalDate decisionDueBy) {

    public ContactReceipt {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The London date of receipt: the clock's anchor and the day CONTACTS counts it in. */
    public LocalDate receivedDate() {
        return WorkingCalendar.londonDate(receivedAt);
    }
}
