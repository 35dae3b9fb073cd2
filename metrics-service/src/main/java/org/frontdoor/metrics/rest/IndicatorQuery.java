package org.frontdoor.metrics.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.events.SourceCodes;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.metrics.domain.IndicatorFilter;

/**
 * Turns the query parameters of the indicator resources into a filter, refusing each bad one with a 400
 * problem that names it. Dates arrive as text because a framework-parsed date that fails becomes a 404.
 */
final class IndicatorQuery {

    /** What {@code from}..{@code to} means when left out, for the OpenAPI description. */
    static final String DEFAULT_PERIOD = "`to` defaults to today (Europe/London) and `from` to one month before "
            + "`to` plus one day, so the default period is the month ending today; both are inclusive local dates.";

    private static final Pattern TEAM = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private IndicatorQuery() {
    }

    /**
     * @param today the London date of now, which an omitted {@code to} means
     * @throws InvalidFieldProblem naming the first bad parameter
     */
    static IndicatorFilter parse(String from, String to, String team, String source, String ruleSet,
            LocalDate today) {
        LocalDate end = isBlank(to) ? today : date("to", to);
        LocalDate start = isBlank(from) ? end.minusMonths(1).plusDays(1) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidFieldProblem("from", "must not be after to (" + end + ")");
        }
        if (!isBlank(team) && !TEAM.matcher(team).matches()) {
            throw new InvalidFieldProblem("team",
                    "must be a team code of up to 64 letters, digits, '.', '_' and '-'");
        }
        if (!isBlank(source) && !SourceCodes.isValid(source)) {
            throw new InvalidFieldProblem("source", "must be a CIN census source code: " + SourceCodes.ALL);
        }
        return new IndicatorFilter(start, end, isBlank(team) ? null : team, isBlank(source) ? null : source,
                ruleSet(ruleSet));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem(field, "must be a date YYYY-MM-DD");
        }
    }

    private static RuleSet ruleSet(String name) {
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
