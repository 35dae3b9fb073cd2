package org.frontdoor.metrics.rest;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.metrics.service.IndicatorService;

/** The timeliness indicators performance staff and managers query over any period (API.md metrics-service). */
@Path("/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService service;
    private final Clock clock;

    public IndicatorResource(IndicatorService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.PERFORMANCE, Roles.DUTY_MANAGER, Roles.ADMIN })
    @Operation(summary = "Every indicator over a period",
            description = "One entry per indicator code of DOMAIN.md §5. Contacts count in the period they were "
                    + "received; decisions and referrals in the period they were made (completion period). "
                    + "A count has no denominator; a ratio's value is a percentage to one decimal place, null "
                    + "when its denominator is 0. " + IndicatorQuery.DEFAULT_PERIOD)
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
            @Parameter(description = "Only the items with this CIN census source code, e.g. 6 (police)")
            @QueryParam("source") String source,
            @Parameter(description = "Rule set whose clocks decide what is in timescale: WT2023 (default) or WT2010")
            @QueryParam("ruleSet") String ruleSet) {
        return service.indicators(IndicatorQuery.parse(from, to, team, source, ruleSet,
                WorkingCalendar.londonDate(clock.instant())))
                .stream().map(IndicatorView::of).toList();
    }
}
