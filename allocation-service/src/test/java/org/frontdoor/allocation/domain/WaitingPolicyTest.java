package org.frontdoor.allocation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.frontdoor.clocks.WorkingCalendar;
import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "more than {0} WD on {1}: waiting since {2} or earlier")
    @CsvSource({
            "5, 2024-03-11, 2024-03-03",   // Monday: since Sunday 3 Mar is 6 WD, since Monday 4 Mar only 5
            "5, 2024-03-09, 2024-02-29",   // Saturday counts as the Friday before
            "5, 2024-04-04, 2024-03-25",   // Good Friday and Easter Monday skipped
            "5, 2024-01-02, 2023-12-20",   // Christmas, Boxing Day and New Year's Day skipped
            "0, 2024-03-11, 2024-03-10",   // any working day waited: since Sunday or earlier
            "0, 2024-03-10, 2024-03-07",   // on a Sunday: Friday is the last working day waited
    })
    void theLastDayAWaitIsOverTheLimit(int limit, LocalDate today, LocalDate lastDay) {
        assertEquals(lastDay, policy.lastDayWaitingMoreThan(limit, today));
    }

    @Test
    void exactlyTheCasesWaitingSinceTheLastDayOrEarlierAreOverTheLimit() {
        for (LocalDate today = LocalDate.of(2023, 12, 1); today.isBefore(LocalDate.of(2024, 5, 1));
                today = today.plusDays(1)) {
            for (int limit : new int[] { 0, 1, 5, 10 }) {
                LocalDate lastDay = policy.lastDayWaitingMoreThan(limit, today);
                for (LocalDate since = today.minusDays(40); !since.isAfter(today.plusDays(3));
                        since = since.plusDays(1)) {
                    boolean over = policy.workingDaysWaiting(since, today) > limit;
                    assertEquals(over, !since.isAfter(lastDay), "limit " + limit + ", today " + today + ", since "
                            + since);
                }
                assertTrue(lastDay.isBefore(today));
            }
        }
    }
}
