package org.frontdoor.allocation.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.frontdoor.allocation.domain.Rag;
import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.kit.security.Roles;

/** The live queue of open cases waiting for a worker, longest waiting first. */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /** One waiting case (API.md). */
    public record QueueItem(UUID caseId, String childRef, String team, LocalDate referralDate, Instant waitingSince,
            int workingDaysWaiting, Rag rag) {
    }

    private final AllocationService service;

    public QueueResource(AllocationService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    public List<QueueItem> queue(@QueryParam("team") @Size(max = 64) String team) {
        return service.queue(team).stream().map(e -> new QueueItem(e.waiting().caseId(), e.waiting().childRef(),
                e.waiting().team(), e.waiting().referralDate(), e.waiting().waitingSince(), e.workingDaysWaiting(),
                e.rag())).toList();
    }
}
