package org.frontdoor.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-checked cases against the England and Wales calendar (gov.uk, 2010 to 2030). */
class WorkingCalendarTest {

    private static final WorkingCalendar CAL = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "{0} working day? {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-05 | true  | Friday
            2024-01-06 | false | Saturday
            2024-01-07 | false | Sunday
            2024-01-08 | true  | Monday
            2011-04-29 | false | royal wedding, extra
            2012-05-28 | true  | last Monday in May, not a holiday in 2012
            2012-06-04 | false | spring bank holiday moved
            2012-06-05 | false | Diamond Jubilee, extra
            2012-06-06 | true  | Wednesday after the Jubilee
            2020-05-04 | true  | first Monday in May, not a holiday in 2020
            2020-05-08 | false | early May moved to Friday (VE day)
            2022-05-30 | true  | last Monday in May, not a holiday in 2022
            2022-06-02 | false | spring bank holiday on a Thursday
            2022-06-03 | false | Platinum Jubilee, extra
            2022-09-19 | false | state funeral of Queen Elizabeth II
            2023-05-08 | false | coronation of King Charles III
            2023-05-09 | true  | Tuesday after the coronation
            2015-12-28 | false | Boxing Day (Saturday) substitute
            2020-12-28 | false | Boxing Day (Saturday) substitute
            2021-12-27 | false | Christmas Day (Saturday) substitute
            2021-12-28 | false | Boxing Day (Sunday) substitute
            2021-12-29 | true  | first working day after Christmas 2021
            2022-01-03 | false | New Year's Day (Saturday) substitute
            2022-12-26 | false | Boxing Day on its own Monday
            2022-12-27 | false | Christmas Day (Sunday) substitute
            2022-12-28 | true  | first working day after Christmas 2022
            2024-03-29 | false | Good Friday
            2024-04-01 | false | Easter Monday
            2030-12-26 | false | last event in the file
            """)
    void knowsWorkingDays(LocalDate date, boolean working, String why) {
        assertEquals(working, CAL.isWorkingDay(date), why);
    }

    @ParameterizedTest(name = "{0} to {1} = {2} WD ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-08 | 2024-01-08 |   0 | same day
            2024-01-06 | 2024-01-06 |   0 | same day, a Saturday
            2024-01-06 | 2024-01-08 |   1 | received Saturday, decided Monday
            2024-01-06 | 2024-01-07 |   0 | received Saturday, decided Sunday
            2024-01-05 | 2024-01-08 |   1 | Friday to Monday
            2024-01-05 | 2024-01-06 |   0 | Friday to Saturday
            2024-01-08 | 2024-01-15 |   5 | one week
            2012-06-01 | 2012-06-06 |   1 | over the 2012 Jubilee weekend
            2012-05-25 | 2012-05-28 |   1 | 28 May 2012 was an ordinary Monday
            2020-05-01 | 2020-05-08 |   4 | VE day Friday is not counted
            2020-05-07 | 2020-05-11 |   1 | over VE day
            2022-06-01 | 2022-06-06 |   1 | over the Platinum Jubilee weekend
            2022-09-16 | 2022-09-20 |   1 | over the state funeral
            2023-05-05 | 2023-05-09 |   1 | over the coronation
            2021-12-24 | 2021-12-29 |   1 | over Christmas 2021
            2021-12-24 | 2022-01-04 |   4 | Christmas and New Year 2021/22
            2022-12-23 | 2022-12-28 |   1 | over Christmas 2022
            2024-03-28 | 2024-04-02 |   1 | over Easter 2024
            2023-12-31 | 2024-12-31 | 254 | 2024: 262 weekdays less 8 holidays
            2021-12-31 | 2022-12-31 | 250 | 2022: 260 weekdays less 10 holidays
            2024-01-08 | 2024-01-06 |  -1 | reversed: Monday back to Saturday
            2022-06-06 | 2022-06-01 |  -1 | reversed over the Platinum Jubilee
            2024-12-31 | 2023-12-31 | -254 | reversed year
            """)
    void countsWorkingDaysBetween(LocalDate a, LocalDate b, int expected, String why) {
        assertEquals(expected, CAL.workingDaysBetween(a, b), why);
        assertEquals(-expected, CAL.workingDaysBetween(b, a), "reversed: " + why);
    }

    @ParameterizedTest(name = "{0} + {1} WD = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-06 |  0 | 2024-01-06 | zero returns the anchor, even a Saturday
            2024-01-06 |  1 | 2024-01-08 | Saturday receipt, due Monday
            2024-01-05 |  1 | 2024-01-08 | Friday receipt, due Monday
            2021-12-24 |  1 | 2021-12-29 | Christmas 2021 (substitute days 27, 28)
            2021-12-31 |  1 | 2022-01-04 | New Year 2022 (substitute day 3 January)
            2022-12-23 |  1 | 2022-12-28 | Christmas 2022 (26, substitute 27)
            2023-12-22 |  1 | 2023-12-27 | Christmas 2023
            2023-04-06 |  1 | 2023-04-11 | Easter 2023
            2024-03-28 |  1 | 2024-04-02 | Easter 2024
            2012-06-01 |  1 | 2012-06-06 | 2012 Jubilee
            2022-09-16 |  1 | 2022-09-20 | state funeral
            2024-04-29 | 15 | 2024-05-21 | ICPC, over early May 2024
            2023-11-20 | 45 | 2024-01-25 | assessment over Christmas 2023
            2022-05-09 | 45 | 2022-07-13 | assessment over the Platinum Jubilee
            2012-05-28 | 10 | 2012-06-13 | WT2010 initial assessment over the Diamond Jubilee
            2012-11-19 | 35 | 2013-01-10 | WT2010 core assessment over Christmas 2012
            2024-01-08 | -1 | 2024-01-05 | Monday less one is Friday
            2024-01-06 | -1 | 2024-01-05 | Saturday less one is Friday
            2021-12-29 | -1 | 2021-12-24 | back over Christmas 2021
            2021-12-29 | -2 | 2021-12-23 | back over Christmas 2021
            """)
    void addsWorkingDays(LocalDate anchor, int n, LocalDate due, String why) {
        assertEquals(due, CAL.addWorkingDays(anchor, n), why);
    }

    @ParameterizedTest(name = "{0} to {1} within {2}? {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-01-06 | 2024-01-08 | 1 | true
            2024-01-06 | 2024-01-09 | 1 | false
            2024-01-06 | 2024-01-07 | 0 | true
            2024-01-05 | 2024-01-08 | 0 | false
            2021-12-24 | 2021-12-29 | 1 | true
            2021-12-24 | 2021-12-30 | 1 | false
            2024-01-08 | 2024-01-01 | 0 | true
            """)
    void judgesWithin(LocalDate anchor, LocalDate done, int limit, boolean within) {
        assertEquals(within, CAL.isWithin(anchor, done, limit));
    }

    @ParameterizedTest(name = "{0} is London {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-30T23:30:00Z | 2024-07-01 | BST: 00:30 the next day
            2024-06-30T22:59:59Z | 2024-06-30 | BST: 23:59:59 the same day
            2024-01-05T23:30:00Z | 2024-01-05 | GMT: stays the same day
            2024-03-31T00:30:00Z | 2024-03-31 | 00:30 GMT just before BST starts
            2024-10-26T23:30:00Z | 2024-10-27 | 00:30 BST just before BST ends
            2024-10-27T23:30:00Z | 2024-10-27 | GMT again after BST ends
            """)
    void convertsInstantsToLondonDates(Instant instant, LocalDate london, String why) {
        assertEquals(london, WorkingCalendar.londonDate(instant), why);
    }

    @ParameterizedTest(name = "{0} to {1} = {2} WD ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-30T23:30:00Z | 2024-07-01T15:00:00Z | 0 | both Monday 1 July in London, not Sunday to Monday
            2024-06-28T23:30:00Z | 2024-07-01T08:00:00Z | 1 | received Saturday 00:30 BST, decided Monday
            2024-01-05T23:30:00Z | 2024-01-08T10:00:00Z | 1 | received Friday 23:30 GMT, decided Monday
            2024-01-05T23:30:00Z | 2024-01-06T10:00:00Z | 0 | received Friday 23:30 GMT, decided Saturday
            2024-07-01T15:00:00Z | 2024-06-30T23:30:00Z | 0 | reversed, same London day
            """)
    void countsInstantsOnLondonDates(Instant a, Instant b, int expected, String why) {
        assertEquals(expected, CAL.workingDaysBetween(a, b), why);
    }

    @Test
    void bundledCalendarIsCachedAndCovers2010To2030() {
        assertSame(CAL, WorkingCalendar.englandAndWales());
        assertEquals(Year.of(2010), CAL.firstYear());
        assertEquals(Year.of(2030), CAL.lastYear());
        assertEquals(173, CAL.bankHolidays().size());
        assertTrue(CAL.covers(LocalDate.of(2010, 1, 1)));
        assertTrue(CAL.covers(LocalDate.of(2030, 12, 31)));
        assertFalse(CAL.covers(LocalDate.of(2009, 12, 31)));
        assertFalse(CAL.covers(LocalDate.of(2031, 1, 1)));
        assertEquals("Europe/London", WorkingCalendar.LONDON.getId());
    }

    @ParameterizedTest(name = "{0} to {1} = {2} WD outside coverage ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2009-12-24 | 2009-12-29 |     3 | Christmas 2009 is unknown: Fri 25, Mon 28, Tue 29 count
            2030-12-31 | 2031-01-02 |     2 | New Year's Day 2031 is unknown and counts
            2009-12-31 | 2010-01-05 |     2 | into coverage: 1 January 2010 is a holiday
            2100-01-01 | 2100-01-08 |     5 | far future, a week from Friday
            1999-12-31 | 2000-01-07 |     5 | far past, a week from Friday
            2009-12-31 | 2030-12-31 |  5305 | whole coverage: weekdays less 173 holidays
            1900-01-01 | 2100-01-01 | 52006 | two centuries
            """)
    void countsWeekendsOnlyOutsideCoverage(LocalDate a, LocalDate b, int expected, String why) {
        assertEquals(expected, CAL.workingDaysBetween(a, b), why);
        assertEquals(-expected, CAL.workingDaysBetween(b, a), why);
        assertEquals(b, CAL.addWorkingDays(a, expected), "every b here is a working day: " + why);
    }

    @ParameterizedTest(name = "{0} outside coverage is a working day: {1}")
    @CsvSource({
        "2009-12-25, true",
        "2031-01-01, true",
        "2031-01-04, false",
        "1970-01-01, true",
        "2200-12-25, true",
    })
    void outsideCoverageOnlyWeekendsAreNonWorking(LocalDate date, boolean working) {
        assertFalse(CAL.covers(date));
        assertEquals(working, CAL.isWorkingDay(date));
    }

    @Test
    void loadsCustomGovUkJsonForTheNamedDivision() {
        String json = """
                {
                  "england-and-wales": {"division": "england-and-wales", "events": [
                    {"title": "Not this one", "date": "2024-01-09", "notes": "", "bunting": true}
                  ]},
                  "scotland": {"division": "scotland", "events": [
                    {"title": "Invented holiday", "date": "2024-01-08", "notes": "", "bunting": true},
                    {"title": "Saturday holiday", "date": "2025-01-04", "notes": "", "bunting": false}
                  ]}
                }
                """;
        WorkingCalendar cal = WorkingCalendar.fromGovUkJson(stream(json), "scotland");

        assertEquals(Year.of(2024), cal.firstYear());
        assertEquals(Year.of(2025), cal.lastYear());
        assertFalse(cal.isWorkingDay(LocalDate.of(2024, 1, 8)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2024, 1, 9)));
        assertTrue(cal.isBankHoliday(LocalDate.of(2025, 1, 4)));
        assertEquals(1, cal.workingDaysBetween(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 9)));
        assertEquals(LocalDate.of(2024, 1, 9), cal.addWorkingDays(LocalDate.of(2024, 1, 5), 1));
        assertEquals(5, cal.workingDaysBetween(LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 10)),
                "a holiday on a Saturday changes nothing");
        assertTrue(cal.covers(LocalDate.of(2025, 12, 31)));
        assertFalse(cal.covers(LocalDate.of(2026, 1, 1)));
        assertTrue(cal.isWorkingDay(LocalDate.of(2022, 6, 2)), "2022 is outside this calendar");
    }

    @Test
    void loadsFromFileTheEnglandAndWalesDivision(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bank-holidays.json");
        Files.writeString(file, """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "Extra", "date": "2031-03-03", "notes": "Extra bank holiday", "bunting": true}
                ]}}
                """);
        WorkingCalendar cal = WorkingCalendar.fromFile(file);

        assertEquals(List.of(LocalDate.of(2031, 3, 3)), List.copyOf(cal.bankHolidays()));
        assertEquals(0, cal.workingDaysBetween(LocalDate.of(2031, 2, 28), LocalDate.of(2031, 3, 3)));
        assertThrows(UncheckedIOException.class, () -> WorkingCalendar.fromFile(dir.resolve("absent.json")));
    }

    @Test
    void leavesTheCallersStreamOpen() throws Exception {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("""
                {"england-and-wales": {"events": [{"date": "2024-01-01"}]}}
                """.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        WorkingCalendar.fromGovUkJson(in, "england-and-wales");
        assertFalse(closed[0]);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `{"scotland": {"division": "scotland", "events": []}}`                        | no division 'england-and-wales'; divisions found: [scotland]
            `{"england-and-wales": {"division": "england-and-wales"}}`                    | has no "events" array
            `{"england-and-wales": {"events": []}}`                                       | has no events
            `{"england-and-wales": {"events": [{"title": "Bad", "date": "2024-13-01"}]}}` | event 0 (Bad) has bad date '2024-13-01'
            `{"england-and-wales": {"events": [{"date": "2024-01-01"}, {"date": "1/5/2024"}]}}` | event 1 has bad date '1/5/2024'
            `{"england-and-wales": {"events": [{"title": "No date"}]}}`                  | event 0 (No date) has no "date" string
            `{"england-and-wales": {"events": [42]}}`                                     | event 0 is not an object
            `[1, 2, 3]`                                                                   | must be a JSON object keyed by division
            `{"england-and-wales": `                                                      | is not valid JSON
            """)
    void rejectsMalformedCalendars(String json, String expectedMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkingCalendar.fromGovUkJson(stream(json), "england-and-wales"));
        assertTrue(e.getMessage().contains(expectedMessage),
                () -> "message '" + e.getMessage() + "' should contain '" + expectedMessage + "'");
    }

    @Test
    void ofRejectsHolidaysOutsideItsYearsAndReversedYears() {
        List<LocalDate> holidays = List.of(LocalDate.of(2025, 1, 1));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> WorkingCalendar.of(holidays, Year.of(2024), Year.of(2024)));
        assertTrue(outside.getMessage().contains("2025-01-01"), outside.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> WorkingCalendar.of(List.of(), Year.of(2025), Year.of(2024)));
    }

    @ParameterizedTest(name = "{0} has {1} weekdays")
    @CsvSource({
        "2024, 262",
        "2025, 261",
    })
    void ofWithNoHolidaysCountsWeekdaysOnly(int year, int weekdays) {
        WorkingCalendar cal = WorkingCalendar.of(List.of(), Year.of(year), Year.of(year));
        assertEquals(weekdays, cal.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)));
        assertTrue(cal.isWorkingDay(LocalDate.of(year, 1, 1)), "1 January is a weekday in both years");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
