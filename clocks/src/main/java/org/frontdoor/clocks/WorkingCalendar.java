package org.frontdoor.clocks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Counts working days (Monday to Friday except England and Wales bank holidays) so that every
 * statutory clock in Front Door is measured the same way, as DOMAIN.md section 4 defines it.
 *
 * <p>A calendar knows the bank holidays of a range of whole years, its <em>covered</em> years
 * ({@link #firstYear()} to {@link #lastYear()}, normally the first and last year in the gov.uk
 * file). <strong>Dates outside the covered years count weekends only</strong>: a date there is a
 * working day exactly when it is Monday to Friday, because nobody knows its bank holidays yet.
 * {@link #covers(LocalDate)} tells a caller whether a date's answer is authoritative.
 *
 * <p>Counting is O(1) inside the covered years (plus a year's margin either side): the calendar
 * precomputes, for every day of that range, how many working days have passed since its start.
 * Outside the range it falls back to week arithmetic. Instances are immutable and thread-safe.
 */
public final class WorkingCalendar {

    /** The zone in which every Front Door date is reckoned. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The gov.uk division holding the England and Wales bank holidays. */
    public static final String ENGLAND_AND_WALES = "england-and-wales";

    private static final String BUNDLED_RESOURCE = "bank-holidays-england-and-wales.json";

    /** Refuse absurd coverage that would make the precomputed table enormous. */
    private static final int MAX_COVERED_YEARS = 400;

    /** Epoch day 0 (1970-01-01) is a Thursday, so Monday 1969-12-29 is epoch day -3. */
    private static final long EPOCH_DAY_OF_A_MONDAY = -3;

    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

    private final Year firstYear;
    private final Year lastYear;
    private final NavigableSet<LocalDate> bankHolidays;

    /** First and last epoch day of the precomputed table. */
    private final long tableStart;
    private final long tableEnd;

    /** {@code weekdaysUpTo(tableStart)}: the running count at the start of the table. */
    private final long tableBase;

    /** Working days in (tableStart, tableStart + i], for each day i of the table. */
    private final int[] workingDaysSinceTableStart;

    /** Bank holidays falling Monday to Friday: the days the weekday count must give back. */
    private final int weekdayBankHolidays;

    private WorkingCalendar(Collection<LocalDate> holidays, Year firstYear, Year lastYear) {
        Objects.requireNonNull(holidays, "bankHolidays");
        this.firstYear = Objects.requireNonNull(firstYear, "firstYear");
        this.lastYear = Objects.requireNonNull(lastYear, "lastYear");
        if (lastYear.isBefore(firstYear)) {
            throw new IllegalArgumentException(
                    "calendar last year " + lastYear + " is before its first year " + firstYear);
        }
        if (lastYear.getValue() - firstYear.getValue() >= MAX_COVERED_YEARS) {
            throw new IllegalArgumentException("calendar covers " + firstYear + " to " + lastYear
                    + "; at most " + MAX_COVERED_YEARS + " years are supported");
        }
        TreeSet<LocalDate> sorted = new TreeSet<>();
        for (LocalDate holiday : holidays) {
            Objects.requireNonNull(holiday, "bank holiday date");
            if (holiday.getYear() < firstYear.getValue() || holiday.getYear() > lastYear.getValue()) {
                throw new IllegalArgumentException("bank holiday " + holiday
                        + " is outside the calendar's years " + firstYear + " to " + lastYear);
            }
            sorted.add(holiday);
        }
        this.bankHolidays = Collections.unmodifiableNavigableSet(sorted);

        this.tableStart = LocalDate.of(firstYear.getValue() - 1, 1, 1).toEpochDay();
        this.tableEnd = LocalDate.of(lastYear.getValue() + 1, 12, 31).toEpochDay();
        this.tableBase = weekdaysUpTo(tableStart);
        this.workingDaysSinceTableStart = new int[Math.toIntExact(tableEnd - tableStart + 1)];
        int running = 0;
        int weekdayHolidays = 0;
        for (int i = 1; i < workingDaysSinceTableStart.length; i++) {
            LocalDate day = LocalDate.ofEpochDay(tableStart + i);
            if (isWeekday(day)) {
                if (sorted.contains(day)) {
                    weekdayHolidays++;
                } else {
                    running++;
                }
            }
            workingDaysSinceTableStart[i] = running;
        }
        this.weekdayBankHolidays = weekdayHolidays;
    }

    /**
     * The bundled England and Wales calendar (the gov.uk feed, 2010 to 2030), loaded once.
     *
     * @return the shared default calendar
     */
    public static WorkingCalendar englandAndWales() {
        return Bundled.CALENDAR;
    }

    /**
     * Reads a calendar in the gov.uk bank-holidays feed layout
     * ({@code {"<division>": {"division": ..., "events": [{"date": "yyyy-MM-dd", ...}]}}}).
     * The covered years run from the year of the earliest event to that of the latest.
     *
     * @param in the JSON; the caller keeps ownership and closes it
     * @param division the division to read, e.g. {@value #ENGLAND_AND_WALES}
     * @return the calendar
     * @throws IllegalArgumentException if the JSON is malformed, lacks the division or its events,
     *     or has an event whose date is missing or not an ISO date
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static WorkingCalendar fromGovUkJson(InputStream in, String division) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(division, "division");
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "bank holiday calendar is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bank holiday calendar", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    "bank holiday calendar must be a JSON object keyed by division");
        }
        JsonNode divisionNode = root.get(division);
        if (divisionNode == null || !divisionNode.isObject()) {
            List<String> found = new ArrayList<>();
            root.fieldNames().forEachRemaining(found::add);
            throw new IllegalArgumentException("bank holiday calendar has no division '" + division
                    + "'; divisions found: " + found);
        }
        JsonNode events = divisionNode.get("events");
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException(
                    "bank holiday calendar division '" + division + "' has no \"events\" array");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("bank holiday calendar division '" + division
                    + "' has no events, so its years are unknown");
        }
        List<LocalDate> holidays = new ArrayList<>(events.size());
        int index = 0;
        for (Iterator<JsonNode> it = events.elements(); it.hasNext(); index++) {
            holidays.add(eventDate(it.next(), division, index));
        }
        int first = holidays.stream().mapToInt(LocalDate::getYear).min().orElseThrow();
        int last = holidays.stream().mapToInt(LocalDate::getYear).max().orElseThrow();
        return new WorkingCalendar(holidays, Year.of(first), Year.of(last));
    }

    /**
     * Reads a gov.uk bank-holidays file from disk, taking its {@value #ENGLAND_AND_WALES}
     * division; this is how a local authority replaces the bundled calendar with a newer one.
     *
     * @param path the JSON file
     * @return the calendar
     * @throws IllegalArgumentException if the file is malformed (see {@link #fromGovUkJson})
     * @throws UncheckedIOException if the file cannot be read
     */
    public static WorkingCalendar fromFile(Path path) {
        Objects.requireNonNull(path, "path");
        try (InputStream in = Files.newInputStream(path)) {
            return fromGovUkJson(in, ENGLAND_AND_WALES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bank holiday calendar " + path, e);
        }
    }

    /**
     * A calendar from an explicit list of bank holidays, mostly for tests.
     *
     * @param bankHolidays the holidays; each must fall within the covered years
     * @param firstYear first covered year
     * @param lastYear last covered year, not before {@code firstYear}
     * @return the calendar
     * @throws IllegalArgumentException if a holiday lies outside the covered years or the years
     *     are reversed
     */
    public static WorkingCalendar of(Collection<LocalDate> bankHolidays, Year firstYear, Year lastYear) {
        return new WorkingCalendar(bankHolidays, firstYear, lastYear);
    }

    /**
     * The London calendar date of an instant (a contact received at 23:30 UTC in summer
     * belongs to the next day).
     *
     * @param instant the instant
     * @return its date in Europe/London
     */
    public static LocalDate londonDate(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), LONDON);
    }

    /** @return the first year whose bank holidays this calendar knows */
    public Year firstYear() {
        return firstYear;
    }

    /** @return the last year whose bank holidays this calendar knows */
    public Year lastYear() {
        return lastYear;
    }

    /** @return the bank holidays, in date order */
    public NavigableSet<LocalDate> bankHolidays() {
        return bankHolidays;
    }

    /**
     * Whether the date's year is one whose bank holidays this calendar knows; outside it, only
     * weekends are non-working.
     *
     * @param date the date
     * @return true if the date lies in the covered years
     */
    public boolean covers(LocalDate date) {
        int year = date.getYear();
        return year >= firstYear.getValue() && year <= lastYear.getValue();
    }

    /**
     * Whether the date is a bank holiday of this calendar (on any day of the week).
     *
     * @param date the date
     * @return true if listed as a bank holiday
     */
    public boolean isBankHoliday(LocalDate date) {
        return bankHolidays.contains(date);
    }

    /**
     * A working day is Monday to Friday and not a bank holiday.
     *
     * @param date the date
     * @return true for a working day
     */
    public boolean isWorkingDay(LocalDate date) {
        long day = date.toEpochDay();
        return workingDaysUpTo(day) - workingDaysUpTo(day - 1) == 1;
    }

    /**
     * The number of working days d with {@code a < d <= b}: the anchor day is day 0, so the same
     * day gives 0 and a contact received on Saturday and decided on Monday took 1. If {@code b}
     * is before {@code a} the result is {@code -workingDaysBetween(b, a)}.
     *
     * @param a the anchor date
     * @param b the later date
     * @return the working days from a to b
     * @throws ArithmeticException if the dates are so far apart the count overflows an int
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        return Math.toIntExact(workingDaysUpTo(b.toEpochDay()) - workingDaysUpTo(a.toEpochDay()));
    }

    /**
     * {@link #workingDaysBetween(LocalDate, LocalDate)} on the London dates of two instants.
     *
     * @param a the anchor instant
     * @param b the later instant
     * @return the working days between their London dates
     */
    public int workingDaysBetween(Instant a, Instant b) {
        return workingDaysBetween(londonDate(a), londonDate(b));
    }

    /**
     * The due date of an n working day clock: the n-th working day after the anchor, so that
     * {@code workingDaysBetween(anchor, result) == n} and the result is a working day. Zero
     * returns the anchor itself (even a weekend). A negative n gives the |n|-th working day
     * before the anchor (Monday minus 1 is the Friday before).
     *
     * @param anchor the anchor date
     * @param n working days to add
     * @return the due date
     */
    public LocalDate addWorkingDays(LocalDate anchor, int n) {
        if (n == 0) {
            return anchor;
        }
        long day = anchor.toEpochDay();
        long target = n > 0 ? workingDaysUpTo(day) + n : workingDaysUpTo(day - 1) + n + 1;
        return LocalDate.ofEpochDay(firstDayReaching(target));
    }

    /**
     * Whether something done on {@code done} met an n working day clock started on
     * {@code anchor}; done before the anchor counts as within.
     *
     * @param anchor the anchor date
     * @param done the completion date
     * @param limit the limit in working days
     * @return {@code workingDaysBetween(anchor, done) <= limit}
     */
    public boolean isWithin(LocalDate anchor, LocalDate done, int limit) {
        return workingDaysBetween(anchor, done) <= limit;
    }

    @Override
    public String toString() {
        return "WorkingCalendar[" + firstYear + ".." + lastYear + ", " + bankHolidays.size()
                + " bank holidays]";
    }

    /**
     * A running count of working days, defined for every epoch day, whose differences are
     * working-day counts: the weekday count less the weekday bank holidays passed so far.
     */
    private long workingDaysUpTo(long epochDay) {
        if (epochDay < tableStart) {
            return weekdaysUpTo(epochDay);
        }
        if (epochDay > tableEnd) {
            return weekdaysUpTo(epochDay) - weekdayBankHolidays;
        }
        return tableBase + workingDaysSinceTableStart[(int) (epochDay - tableStart)];
    }

    /** The first epoch day whose running count reaches {@code target}; always a working day. */
    private long firstDayReaching(long target) {
        long startCount = tableBase;
        long endCount = tableBase + workingDaysSinceTableStart[workingDaysSinceTableStart.length - 1];
        if (target <= startCount) {
            return firstWeekdayReaching(target);
        }
        if (target > endCount) {
            return firstWeekdayReaching(target + weekdayBankHolidays);
        }
        int wanted = (int) (target - tableBase);
        int low = 0;
        int high = workingDaysSinceTableStart.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (workingDaysSinceTableStart[mid] >= wanted) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return tableStart + low;
    }

    /**
     * Weekdays counted from an arbitrary origin: differences give the Monday-to-Friday days in
     * {@code (x, y]}.
     */
    private static long weekdaysUpTo(long epochDay) {
        long sinceMonday = epochDay - EPOCH_DAY_OF_A_MONDAY;
        long weeks = Math.floorDiv(sinceMonday, 7);
        long dayOfWeek = Math.floorMod(sinceMonday, 7);
        return weeks * 5 + Math.min(dayOfWeek + 1, 5);
    }

    /** Inverse of {@link #weekdaysUpTo}: the first epoch day whose count reaches the target. */
    private static long firstWeekdayReaching(long target) {
        long weeks = Math.floorDiv(target - 1, 5);
        long dayOfWeek = Math.floorMod(target - 1, 5);
        return weeks * 7 + dayOfWeek + EPOCH_DAY_OF_A_MONDAY;
    }

    private static boolean isWeekday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    private static LocalDate eventDate(JsonNode event, String division, int index) {
        String where = "bank holiday calendar division '" + division + "' event " + index;
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        JsonNode title = event.get("title");
        if (title != null && title.isTextual()) {
            where += " (" + title.asText() + ")";
        }
        JsonNode date = event.get("date");
        if (date == null || !date.isTextual()) {
            throw new IllegalArgumentException(where + " has no \"date\" string");
        }
        try {
            return LocalDate.parse(date.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " has bad date '" + date.asText()
                    + "'; expected yyyy-MM-dd", e);
        }
    }

    /** Loads the bundled calendar on first use. */
    private static final class Bundled {
        static final WorkingCalendar CALENDAR = load();

        private static WorkingCalendar load() {
            try (InputStream in = WorkingCalendar.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled calendar " + BUNDLED_RESOURCE
                            + " is missing from the class path");
                }
                return fromGovUkJson(in, ENGLAND_AND_WALES);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read bundled calendar " + BUNDLED_RESOURCE, e);
            }
        }
    }
}
