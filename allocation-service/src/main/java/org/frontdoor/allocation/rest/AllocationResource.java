package org.frontdoor.allocation.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.kit.idempotency.Idempotent;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;

/** Managers giving a case to a worker (API.md). */
@Path("/cases/{caseId}/allocation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllocationResource {

    /** The allocation made. */
    public record AllocationView(UUID caseId, String workerId, Instant allocatedAt, String allocatedBy,
            boolean thresholdOverridden, String previousWorkerId) {
    }

    /** An allocation held until its case arrives (events in any order). */
    public record HeldView(UUID caseId, String workerId, Instant allocatedAt, String allocatedBy, String status,
            Instant heldUntil, String detail) {
    }

    /** Why a manager takes a case from its worker: a short code, never free text about the family. */
    static final String REASON = "^[A-Z][A-Z_]{0,39}$";

    private final AllocationService service;
    private final CaseRepository cases;
    private final TeamScope teams;

    public AllocationResource(AllocationService service, CaseRepository cases, TeamScope teams) {
        this.service = service;
        this.cases = cases;
        this.teams = teams;
    }

    /** A case (or worker) of a team the user may not see is, for them, one that does not exist. */
    private void visibleCase(UUID caseId) {
        teams.requireVisible(() -> cases.findByIdOptional(caseId).map(Case::team).orElse(null), "Case", caseId);
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.DUTY_MANAGER)
    @Operation(summary = "Allocate a case to a worker",
            description = "Refused (409) for a closed case, a worker of another team or not holding cases, the same "
                    + "worker again, or a worker at or over threshold without overrideReason. A case not known here "
                    + "yet (its referral event is on its way) gets the allocation held (202) and applied on arrival.")
    @APIResponse(responseCode = "201", description = "Allocated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "202", description = "Held until the case's case.opened event arrives",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HeldView.class)))
    public Response allocate(@PathParam("caseId") UUID caseId, @Valid @NotNull AllocationRequest body,
            @Context SecurityContext security, @Context UriInfo uri) {
        if (teams.restricted()) {
            teams.requireVisible(() -> service.worker(body.workerId()).worker().team(), "Worker", body.workerId());
            // A case not known here yet is held for its worker's team; a known one must be visible too.
            cases.findByIdOptional(caseId).ifPresent(known -> teams.requireVisible(known.team(), "Case", caseId));
        }
        String by = body.allocatedBy() != null ? body.allocatedBy() : security.getUserPrincipal().getName();
        AllocationService.Outcome outcome = service.allocate(caseId, body.workerId(), body.allocatedAt(), by,
                body.overrideReason());
        if (outcome instanceof AllocationService.Held held) {
            return Response.accepted(new HeldView(caseId, held.allocation().workerId(),
                    held.allocation().allocatedAt(), held.allocation().allocatedBy(), "HELD",
                    held.allocation().heldUntil(), "The case is not known to allocation-service yet (its referral "
                            + "event is on its way); the allocation is applied when it arrives, under the same "
                            + "rules, or dropped at heldUntil.")).build();
        }
        AllocationService.Allocated allocated = (AllocationService.Allocated) outcome;
        URI location = uri.getRequestUri();
        return Response.created(location).entity(new AllocationView(caseId, allocated.allocation().workerId(),
                allocated.allocation().allocatedAt(), allocated.allocation().allocatedBy(),
                allocated.allocation().overrideReason() != null, allocated.previousWorkerId())).build();
    }

    @DELETE
    @RolesAllowed(Roles.DUTY_MANAGER)
    public Response deallocate(@PathParam("caseId") UUID caseId,
            @QueryParam("reason") @Pattern(regexp = REASON, message = "must be a code such as MANAGER_REQUEST or WORKER_LEFT") String reason,
            @Context SecurityContext security) {
        visibleCase(caseId);
        service.deallocate(caseId, reason == null ? "MANAGER_REQUEST" : reason, security.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
