package org.frontdoor.metrics.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.events.SourceCodes;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.Interval;

/**
 * Turns the query parameters of the indicator resources into a filter, refusing each bad one with a 400
 * problem that names it. Dates arrive as text because a framework-parsed date that fails becomes a 404.
 */
final class IndicatorQuery {

    /** What {@code from}..{@code to} means when left out, for the OpenAPI description. */
    static final String DEFAULT_PERIOD = "`to` defaults to today (Europe/London) and `from` to one month before "
            + "`to` plus one day, so the default period is the month ending today; both are inclusive local dates.";

    /** Most working days ahead an at-risk list looks. */
    static final int MAX_WITHIN = 60;

    private static final Pattern TEAM = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private IndicatorQuery() {
    }

    /**
     * @param today the London date of now, which an omitted {@code to} means
     * @throws InvalidFieldProblem naming the first bad parameter
     */
    static IndicatorFilter parse(String from, String to, String team, String source, String ruleSet,
            LocalDate today) {
        return parse(from, to, team, source, ruleSet, today, 1);
    }

    /**
     * @param months how far back an omitted {@code from} goes from {@code to}
     */
    static IndicatorFilter parse(String from, String to, String team, String source, String ruleSet,
            LocalDate today, int months) {
        LocalDate end = isBlank(to) ? today : date("to", to);
        LocalDate start = isBlank(from) ? end.minusMonths(months).plusDays(1) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidFieldProblem("from", "must not be after to (" + end + ")");
        }
        return new IndicatorFilter(start, end, team(team), isBlank(source) ? null : source(source),
                ruleSet(ruleSet));
    }

    /** An indicator code by its exact name; an unknown one is a resource that does not exist (404). */
    static IndicatorCode code(String code) {
        IndicatorCode found = IndicatorCode.find(code);
        if (found == null) {
            throw new NotFoundProblem("indicator", code == null ? "" : code.replaceAll("[^A-Za-z0-9_]", "?"));
        }
        return found;
    }

    static String team(String team) {
        if (isBlank(team)) {
            return null;
        }
        if (!TEAM.matcher(team).matches()) {
            throw new InvalidFieldProblem("team",
                    "must be a team code of up to 64 letters, digits, '.', '_' and '-'");
        }
        return team;
    }

    /** A series interval, WEEK or MONTH in any case, or null when left out. */
    static Interval interval(String interval) {
        if (isBlank(interval)) {
            return null;
        }
        try {
            return Interval.valueOf(interval.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem("interval", "must be one of " + Arrays.toString(Interval.values()));
        }
    }

    /** Working days ahead for an at-risk list, 0 to {@value #MAX_WITHIN}, default 5. */
    static int withinWorkingDays(String within) {
        if (isBlank(within)) {
            return 5;
        }
        try {
            int days = Integer.parseInt(within.strip());
            if (days >= 0 && days <= MAX_WITHIN) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldProblem("withinWorkingDays", "must be a whole number from 0 to " + MAX_WITHIN);
    }

    private static String source(String source) {
        if (!SourceCodes.isValid(source)) {
            throw new InvalidFieldProblem("source", "must be a CIN census source code: " + SourceCodes.ALL);
        }
        return source;
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem(field, "must be a date YYYY-MM-DD");
        }
    }

    static RuleSet ruleSet(String name) {
        if (isBlank(name)) {
            return RuleSets.WT2023;
        }
        try {
            return RuleSets.byName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem("ruleSet",
                    "must be one of " + RuleSets.all().stream().map(RuleSet::name).toList());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
