package org.frontdoor.metrics.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.kit.rest.PagedResponse;
import org.frontdoor.kit.rest.QueryParameters;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;
import org.frontdoor.metrics.domain.AtRiskItem;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorTarget;
import org.frontdoor.metrics.domain.Interval;
import org.frontdoor.metrics.service.IndicatorService;

/** The timeliness indicators performance staff and managers query over any period (API.md metrics-service). */
@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PERFORMANCE, Roles.DUTY_MANAGER, Roles.ADMIN })
public class IndicatorResource {

    private static final String PERIOD_RULES = "Items count in the period their completion falls in (a decision, "
            + "a completed assessment, an ICPC); UNALLOCATED, CASELOAD and ASSESSMENTS_OVERDUE are snapshots as "
            + "at the end of `to`. A count has no denominator; a ratio's value is a percentage to one decimal "
            + "place, null when its denominator is 0. ";

    private final IndicatorService service;
    private final Clock clock;
    private final TeamScope teams;

    public IndicatorResource(IndicatorService service, Clock clock, TeamScope teams) {
        this.service = service;
        this.clock = clock;
        this.teams = teams;
    }

    @GET
    @Operation(summary = "Every indicator over a period",
            description = "One entry per indicator code of DOMAIN.md §5, in that order. " + PERIOD_RULES
                    + IndicatorQuery.DEFAULT_PERIOD)
    public List<IndicatorView> indicators(
            @Parameter(description = "First day of the period (inclusive), YYYY-MM-DD; "
                    + "default: one month before `to` plus one day",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Last day of the period (inclusive), YYYY-MM-DD; default: today in Europe/London",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(description = "Only the items (contacts, cases) of this team")
            @QueryParam("team") String team,
            @Parameter(description = "Only the items with this CIN census source code, e.g. 6 (police); a case "
                    + "step takes its case's source")
            @QueryParam("source") String source,
            @Parameter(description = "Rule set whose clocks decide what is in timescale: WT2023 (default) or WT2010")
            @QueryParam("ruleSet") String ruleSet) {
        return service.indicators(filter(from, to, team, source, ruleSet)).stream()
                .map(indicator -> IndicatorView.of(indicator, service.target(indicator.code()))).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One indicator over a period, with its series",
            description = PERIOD_RULES + "With `interval` (WEEK from Monday, or MONTH) the answer carries the "
                    + "indicator over each step of the period, the first and last steps cut to it. "
                    + IndicatorQuery.DEFAULT_PERIOD)
    public IndicatorSeriesView indicator(
            @Parameter(description = "An indicator code of DOMAIN.md §5, e.g. ASSESSMENT_TIMELINESS")
            @PathParam("code") String code,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("team") String team,
            @QueryParam("source") String source, @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "WEEK or MONTH: also answer the indicator over each step of the period")
            @QueryParam("interval") String interval) {
        IndicatorCode indicatorCode = IndicatorQuery.code(code);
        IndicatorFilter filter = filter(from, to, team, source, ruleSet);
        Interval steps = IndicatorQuery.interval(interval);
        IndicatorTarget target = service.target(indicatorCode);
        List<IndicatorSeriesView.Step> series = steps == null ? null
                : service.series(indicatorCode, filter, steps).stream()
                        .map(step -> new IndicatorSeriesView.Step(step.from(), step.to(), step.indicator().numerator(),
                                step.indicator().denominator(), step.indicator().value(),
                                target == null || target.rate(step.indicator().value()) == null ? null
                                        : target.rate(step.indicator().value()).name(),
                                step.indicator().measures()))
                        .toList();
        Indicator indicator = service.indicator(indicatorCode, filter);
        IndicatorView view = IndicatorView.of(indicator, target);
        return new IndicatorSeriesView(view.code(), view.title(), view.numerator(), view.denominator(), view.value(),
                view.unit(), view.target(), view.rag(), view.measures(), filter.from(), filter.to(),
                steps == null ? null : steps.name(), series);
    }

    @GET
    @Path("/{code}/items")
    @Operation(summary = "The contacts or case steps behind an indicator",
            description = "Every item the indicator counts over the period, in the order of its completion date: "
                    + "`{id, childRef, team, anchorDate, doneDate, workingDays, inTimescale, inNumerator}`. The "
                    + "total (`X-Total-Count`) is the indicator's denominator (for a count, its value) and the items "
                    + "with `inNumerator` are its numerator. Pages with `page` (from 0) and `size` (at most 500).")
    public Response items(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("team") String team, @QueryParam("source") String source,
            @QueryParam("ruleSet") String ruleSet, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        IndicatorCode indicatorCode = IndicatorQuery.code(code);
        IndicatorFilter filter = filter(from, to, team, source, ruleSet);
        QueryParameters.Page requested = QueryParameters.page(page, size);
        IndicatorService.ItemPage items = service.items(indicatorCode, filter, requested.number(), requested.size());
        return PagedResponse.of(items.items(), items.total(), requested, uri);
    }

    @GET
    @Path("/{code}/at-risk")
    @Operation(summary = "Open items about to breach an indicator's clock",
            description = "For an indicator with a clock (CONTACT_DECISION_TIMELINESS, ALLOCATION_TIMELINESS, "
                    + "UNALLOCATED, ASSESSMENT_TIMELINESS, ASSESSMENTS_OVERDUE, ICPC_TIMELINESS): the open items "
                    + "whose due date is today or within `withinWorkingDays` working days (default 5), soonest first: "
                    + "`{id, childRef, team, anchorDate, dueDate, workingDaysLeft}`. Another code is a 404.")
    public List<AtRiskItem> atRisk(@PathParam("code") String code, @QueryParam("team") String team,
            @Parameter(description = "How many working days ahead to look, 0 to 60; default 5")
            @QueryParam("withinWorkingDays") String within,
            @QueryParam("ruleSet") String ruleSet) {
        IndicatorCode indicatorCode = IndicatorQuery.code(code);
        return service.atRisk(indicatorCode, teams.filter(IndicatorQuery.team(team)),
                IndicatorQuery.withinWorkingDays(within),
                IndicatorQuery.ruleSet(ruleSet), today());
    }

    /** The query's filter, its team narrowed to the user's teams (a user of one team sees that team). */
    private IndicatorFilter filter(String from, String to, String team, String source, String ruleSet) {
        IndicatorFilter asked = IndicatorQuery.parse(from, to, team, source, ruleSet, today());
        return new IndicatorFilter(asked.from(), asked.to(), teams.filter(asked.team()), asked.source(),
                asked.ruleSet());
    }

    private LocalDate today() {
        return WorkingCalendar.londonDate(clock.instant());
    }
}
