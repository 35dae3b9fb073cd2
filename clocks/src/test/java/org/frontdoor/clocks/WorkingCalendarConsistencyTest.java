package org.frontdoor.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the O(1) prefix-sum counting against a naive day-by-day count that reads the bundled
 * bank holidays independently of {@link WorkingCalendar}.
 */
class WorkingCalendarConsistencyTest {

    private static final WorkingCalendar CAL = WorkingCalendar.englandAndWales();

    /** One year either side of the data, so that both fall-backs and the table edges are used. */
    private static final LocalDate FROM = LocalDate.of(2008, 1, 1);
    private static final LocalDate TO = LocalDate.of(2032, 12, 31);

    private static Set<LocalDate> holidays;

    @BeforeAll
    static void readHolidaysIndependently() throws Exception {
        holidays = new HashSet<>();
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("bank-holidays-england-and-wales.json")) {
            JsonNode events = new ObjectMapper().readTree(in).path("england-and-wales").path("events");
            events.forEach(event -> holidays.add(LocalDate.parse(event.path("date").asText())));
        }
        assertEquals(173, holidays.size());
    }

    @Test
    void everyDayAgreesWithTheNaiveRule() {
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            assertEquals(naiveIsWorkingDay(d), CAL.isWorkingDay(d), d::toString);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "20240701", "-7"})
    void randomPairsAgreeWithTheNaiveCount(long seed) {
        Random random = new Random(seed);
        int span = (int) (TO.toEpochDay() - FROM.toEpochDay());
        for (int i = 0; i < 2_000; i++) {
            LocalDate a = FROM.plusDays(random.nextInt(span + 1));
            LocalDate b = i % 4 == 0 ? a.plusDays(random.nextInt(30)) : FROM.plusDays(random.nextInt(span + 1));
            String pair = a + " to " + b;
            assertEquals(naiveBetween(a, b), CAL.workingDaysBetween(a, b), pair);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"2", "45", "-15"})
    void addWorkingDaysIsTheFirstWorkingDayReachingN(long seed) {
        Random random = new Random(seed);
        int span = (int) (TO.toEpochDay() - FROM.toEpochDay());
        for (int i = 0; i < 2_000; i++) {
            LocalDate a = FROM.plusDays(random.nextInt(span + 1));
            int n = 1 + random.nextInt(i % 10 == 0 ? 800 : 60);
            LocalDate due = CAL.addWorkingDays(a, n);
            LocalDate expected = naiveAdd(a, n);
            String what = a + " + " + n;
            assertEquals(expected, due, what);
            assertEquals(n, CAL.workingDaysBetween(a, due), what);
            assertTrue(CAL.isWorkingDay(due), what);
            assertEquals(n - 1, CAL.workingDaysBetween(a, due.minusDays(1)), what);
            LocalDate back = CAL.addWorkingDays(due, -n);
            assertEquals(naiveSubtract(due, n), back, due + " - " + n);
            if (naiveIsWorkingDay(a)) {
                assertEquals(a, back, "subtracting undoes adding from a working day: " + what);
            }
        }
    }

    private static boolean naiveIsWorkingDay(LocalDate d) {
        DayOfWeek dow = d.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    private static int naiveBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -naiveBetween(b, a);
        }
        int count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            count += naiveIsWorkingDay(d) ? 1 : 0;
        }
        return count;
    }

    private static LocalDate naiveSubtract(LocalDate anchor, int n) {
        LocalDate d = anchor;
        for (int counted = 0; counted < n; ) {
            d = d.minusDays(1);
            counted += naiveIsWorkingDay(d) ? 1 : 0;
        }
        return d;
    }

    private static LocalDate naiveAdd(LocalDate anchor, int n) {
        LocalDate d = anchor;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            counted += naiveIsWorkingDay(d) ? 1 : 0;
        }
        return d;
    }
}
