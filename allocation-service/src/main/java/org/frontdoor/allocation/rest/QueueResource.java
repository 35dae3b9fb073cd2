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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.frontdoor.allocation.domain.Rag;
import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;

/** The live queue of open cases waiting for a worker, longest waiting first. */
@Path("/queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    /** One waiting case (API.md). */
    public record QueueItem(UUID caseId, String childRef, String team, LocalDate referralDate, Instant waitingSince,
            int workingDaysWaiting, Rag rag) {

        static QueueItem of(AllocationService.QueueEntry e) {
            return new QueueItem(e.waiting().caseId(), e.waiting().childRef(), e.waiting().team(),
                    e.waiting().referralDate(), e.waiting().waitingSince(), e.workingDaysWaiting(), e.rag());
        }
    }

    private final AllocationService service;
    private final BoardStream board;
    private final TeamScope teams;

    public QueueResource(AllocationService service, BoardStream board, TeamScope teams) {
        this.service = service;
        this.board = board;
        this.teams = teams;
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    public List<QueueItem> queue(@QueryParam("team") @Size(max = 64) String team) {
        return service.queue(teams.filter(team)).stream()
                .map(QueueItem::of).toList();
    }

    /**
     * The duty board's live feed: an event named {@code board} carrying the whole state (queue, workers, active
     * alerts) for the team, first at once and then after every change; comments keep the connection open.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    @Operation(summary = "Live board state for a team as Server-Sent Events",
            description = "Each event, named board, is the whole state as JSON: {team, sequence, generatedAt, "
                    + "queue, workers, alerts}. The current state comes first, then one after each change "
                    + "(changes in quick succession are coalesced); a reconnecting client gets the current state "
                    + "first again.")
    public void stream(@QueryParam("team") @Size(max = 64) String team, @Context SseEventSink sink,
            @Context Sse sse) {
        board.watch(teams.filter(team), sink, sse);
    }
}
