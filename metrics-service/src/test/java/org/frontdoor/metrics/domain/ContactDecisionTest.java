package org.frontdoor.metrics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.ContactOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A decision's working days follow DOMAIN.md §4: London dates, weekends and bank holidays skipped. */
class ContactDecisionTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "received {0}, decided {1}: decided on {2} after {3} WD")
    @CsvSource({
            // Monday, decided the same day and the next.
            "2024-03-04T09:00:00Z, 2024-03-04T17:00:00Z, 2024-03-04, 0",
            "2024-03-04T09:00:00Z, 2024-03-05T10:00:00Z, 2024-03-05, 1",
            "2024-03-04T09:00:00Z, 2024-03-06T15:00:00Z, 2024-03-06, 2",
            // Received on Saturday, decided on Monday: 1 WD (DOMAIN.md §4).
            "2024-03-09T23:40:00Z, 2024-03-11T10:04:30Z, 2024-03-11, 1",
            // Friday to Monday over a weekend.
            "2024-03-08T16:00:00Z, 2024-03-11T09:00:00Z, 2024-03-11, 1",
            // Thursday before Easter to the Tuesday after: Good Friday and Easter Monday do not count.
            "2024-03-28T12:00:00Z, 2024-04-02T12:00:00Z, 2024-04-02, 1",
            // 23:30 UTC in summer is 00:30 the next London day: same-day decision.
            "2024-07-01T23:30:00Z, 2024-07-02T08:00:00Z, 2024-07-02, 0",
            // 23:30 UTC in winter is still the same London day.
            "2024-01-15T23:30:00Z, 2024-01-16T08:00:00Z, 2024-01-16, 1",
    })
    void workingDaysAreCountedOnLondonDates(String receivedAt, String decidedAt, LocalDate decidedDate, int days) {
        ContactDecision decision = new ContactDecision(UUID.randomUUID(), "child", "north", "6",
                Instant.parse(receivedAt), LocalDate.parse("2024-03-05"), Instant.parse(decidedAt),
                ContactOutcome.NO_FURTHER_ACTION, true);

        assertEquals(decidedDate, decision.decidedDate());
        assertEquals(days, decision.workingDays(CALENDAR));
    }
}
