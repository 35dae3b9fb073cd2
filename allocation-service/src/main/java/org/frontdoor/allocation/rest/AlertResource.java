package org.frontdoor.allocation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.allocation.domain.AlertState;
import org.frontdoor.allocation.service.AlertService;
import org.frontdoor.kit.rest.PagedResponse;
import org.frontdoor.kit.rest.QueryParameters;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;

/** The alerts duty managers act on: cases waiting too long, full queues, overloaded workers (API.md). */
@Path("/alerts")
@Tag(name = "Alerts", description = "Cases waiting too long, queues above their limit, workers over threshold")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertService service;

    private final TeamScope teams;

    public AlertResource(AlertService service, TeamScope teams) {
        this.service = service;
        this.teams = teams;
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.PERFORMANCE, Roles.ADMIN })
    @Operation(summary = "List alerts",
            description = "Alerts newest first (resolved ones by when they were resolved), active and resolved "
                    + "unless state narrows them, for one team if given; page (from 0) and size (1 to 500) select "
                    + "a page. An alert is raised once when its condition starts to hold and resolved when it "
                    + "clears; value, threshold and detail describe the moment it was raised.")
    @APIResponse(responseCode = "200", description = "One page of alerts as a JSON array; X-Total-Count holds the "
            + "number of matching alerts and Link the next and previous pages.",
            headers = {
                @Header(name = "X-Total-Count", description = "How many alerts match, on all pages",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Link", description = "RFC 8288 links to the next and previous pages, if any",
                        schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AlertView.class)))
    public Response list(
            @Parameter(description = "ACTIVE or RESOLVED; all alerts when left out",
                    schema = @Schema(implementation = AlertState.class)) @QueryParam("state") String state,
            @QueryParam("team") @Size(max = 64) String team,
            @QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        AlertState wanted = QueryParameters.optionalEnum("state", state, AlertState.class);
        QueryParameters.Page slice = QueryParameters.page(page, size);
        AlertService.AlertPage found = service.list(wanted, teams.filter(team),
                slice.number(), slice.size());
        return PagedResponse.of(found.alerts().stream().map(AlertView::of).toList(), found.total(), slice, uri);
    }
}
