package org.frontdoor.allocation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;

/** Social workers, their hours and thresholds, and their caseloads. */
@Path("/workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerResource {

    private final AllocationService service;

    private final TeamScope teams;

    public WorkerResource(AllocationService service, TeamScope teams) {
        this.service = service;
        this.teams = teams;
    }

    @PUT
    @Path("{workerId}")
    @RolesAllowed({ Roles.ADMIN, Roles.DUTY_MANAGER })
    public Response put(
            @PathParam("workerId") @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "may hold only letters, digits, '.', '_' and '-'") String workerId,
            @Valid @NotNull WorkerRequest body) {
        teams.filter(body.team());
        boolean created = service.putWorker(workerId, body.displayName(), body.team(), body.fte(), body.caseHolding(),
                body.caseloadThreshold());
        return Response.status(created ? 201 : 200).entity(WorkerView.of(service.worker(workerId))).build();
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.PERFORMANCE, Roles.ADMIN })
    public List<WorkerView> list(@QueryParam("team") @Size(max = 64) String team) {
        return service.workers(teams.filter(team)).stream()
                .map(WorkerView::of).toList();
    }
}
