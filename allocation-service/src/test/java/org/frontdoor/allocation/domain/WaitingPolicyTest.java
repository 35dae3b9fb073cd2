package org.frontdoor.allocation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.frontdoor.clocks.WorkingCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitingPolicyTest {

    private final WaitingPolicy policy = new WaitingPolicy(WorkingCalendar.englandAndWales(), 5);

    @ParameterizedTest(name = "waiting since {0}, today {1}: {2} WD, {3}")
    @CsvSource({
            "2024-03-04, 2024-03-04, 0, GREEN",   // referred today
            "2024-03-04, 2024-03-08, 4, GREEN",   // Monday to Friday
            "2024-03-04, 2024-03-11, 5, AMBER",   // at target
            "2024-03-04, 2024-03-12, 6, RED",     // past target
            "2024-03-08, 2024-03-11, 1, GREEN",   // across a weekend
            "2024-03-09, 2024-03-11, 1, GREEN",   // referred on a Saturday
            "2024-03-27, 2024-04-03, 3, GREEN",   // Good Friday and Easter Monday 2024 do not count
            "2024-12-20, 2024-12-31, 5, AMBER",   // Christmas and Boxing Day do not count
    })
    void waitsInWorkingDays(LocalDate since, LocalDate today, int days, Rag rag) {
        assertEquals(days, policy.workingDaysWaiting(since, today));
        assertEquals(rag, policy.rag(days));
    }
}
