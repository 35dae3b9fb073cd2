package org.frontdoor.referral.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.frontdoor.kit.idempotency.Idempotent;
import org.frontdoor.kit.rest.PagedResponse;
import org.frontdoor.kit.rest.QueryParameters;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.kit.security.TeamScope;
import org.frontdoor.referral.domain.Contact;
import org.frontdoor.referral.domain.ContactDetails;
import org.frontdoor.referral.domain.ContactStatus;
import org.frontdoor.referral.service.ContactService;

/** Contacts arriving at the front door and the managers' decisions on them (API.md). */
@Path("/contacts")
@Tag(name = "Contacts", description = "Contacts arriving at the front door and the managers' decisions on them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService service;
    private final TeamScope teams;

    public ContactResource(ContactService service, TeamScope teams) {
        this.service = service;
        this.teams = teams;
    }

    @POST
    @Idempotent
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Record a contact",
            description = "Records one contact about one child (siblings are separate contacts sharing a "
                    + "contactGroup). The contact awaits a manager's decision, due one working day after it was "
                    + "received (decisionDueBy). receivedAt left out means now; a time in the future is refused. "
                    + "The child is identified by childRef only: never a name, address, full date of birth or NHS "
                    + "number.")
    @APIResponse(responseCode = "201", description = "The contact was recorded with status AWAITING_DECISION and "
            + "its decisionDueBy; Location points to it.",
            headers = @Header(name = "Location", description = "The new contact's URL, /contacts/{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContactView.class)))
    public Response create(
            @RequestBody(required = true, description = "The contact as the front door received it.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NewContactRequest.class),
                            examples = {
                                @ExampleObject(name = "school-phone-call", summary = "A school phones in a concern",
                                        value = """
                                                {"childRef": "CH-000184", "receivedAt": "2024-03-04T09:15:00Z",
                                                 "source": "2A", "channel": "PHONE", "outOfHours": false,
                                                 "team": "north", "contactGroup": "CG-2024-0311",
                                                 "concerns": ["3B", "4B"],
                                                 "child": {"birthMonth": "2015-06", "gender": "1",
                                                           "ethnicity": "WBRI"}}
                                                """),
                                @ExampleObject(name = "police-out-of-hours",
                                        summary = "Police email to the emergency duty team, optional fields left out",
                                        value = """
                                                {"childRef": "CH-000927", "receivedAt": "2024-03-09T23:40:00Z",
                                                 "source": "6", "channel": "EMAIL", "outOfHours": true,
                                                 "team": "edt"}
                                                """) }))
            @Valid @NotNull NewContactRequest body, @Context UriInfo uri) {
        teams.filter(body.team());
        NewContactRequest.ChildRequest child = body.child();
        Contact contact = service.receive(new ContactDetails(body.childRef(), body.receivedAt(), body.source(),
                body.channel(), body.outOfHours(), body.team(), body.contactGroup(), body.concerns(),
                child == null ? null : child.birthMonth(), child == null ? null : child.gender(),
                child == null ? null : child.ethnicity()));
        URI location = uri.getBaseUriBuilder().path(ContactResource.class).path(contact.id().toString()).build();
        return Response.created(location).entity(ContactView.of(contact)).build();
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    @Operation(summary = "List contacts",
            description = "Contacts oldest first, filtered by status (AWAITING_DECISION or DECIDED), team and the "
                    + "local dates from..to (inclusive) on which they were received; page (from 0) and size "
                    + "(1 to 500) select a page.")
    @APIResponse(responseCode = "200", description = "One page of contacts, oldest first, as a JSON array; "
            + "X-Total-Count holds the number of matching contacts and Link the next and previous pages.",
            headers = {
                @Header(name = "X-Total-Count", description = "How many contacts match, on all pages",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Link", description = "RFC 8288 links to the next and previous pages, if any",
                        schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ContactView.class)))
    public Response list(@QueryParam("status") String status, @QueryParam("team") @Size(max = 64) String team,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        LocalDate start = QueryParameters.optionalDate("from", from);
        LocalDate end = QueryParameters.optionalDate("to", to);
        QueryParameters.requireOrdered(start, end);
        QueryParameters.Page slice = QueryParameters.page(page, size);
        ContactService.ContactPage found = service.search(
                QueryParameters.optionalEnum("status", status, ContactStatus.class), teams.filter(team),
                start, end,
                slice.number(), slice.size());
        return PagedResponse.of(found.contacts().stream().map(ContactView::of).toList(), found.total(), slice, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    @Operation(summary = "Get a contact",
            description = "One contact with its decision, if it has one, and the case a REFERRAL decision opened.")
    @APIResponse(responseCode = "200", description = "The contact.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContactView.class)))
    public ContactView get(@PathParam("id") UUID id) {
        Contact contact = service.get(id);
        teams.requireVisible(contact.team(), "Contact", id);
        return ContactView.of(contact);
    }

    @POST
    @Path("{id}/decision")
    @Idempotent
    @RolesAllowed(Roles.DUTY_MANAGER)
    @Operation(summary = "Decide a contact",
            description = "Records the manager's decision on a contact awaiting one, with its rationale. REFERRAL "
                    + "also opens a case (or a 409 if the child already has an open case); PASSED_TO_OPEN_CASE "
                    + "needs an open case. decidedBy defaults to the signed-in user and decidedAt to now; a contact "
                    + "is decided once (a second decision is a 409). The rationale stays in this service and is "
                    + "never put on an event.")
    @APIResponse(responseCode = "200", description = "The decided contact; for REFERRAL, caseId is the case it "
            + "opened.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContactView.class)))
    public ContactView decide(@PathParam("id") UUID id,
            @RequestBody(required = true, description = "The manager's decision.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DecisionRequest.class),
                            examples = {
                                @ExampleObject(name = "referral", summary = "Progress to a referral (opens a case)",
                                        value = """
                                                {"outcome": "REFERRAL", "decidedAt": "2024-03-04T14:30:00Z",
                                                 "decidedBy": "duty",
                                                 "rationale": "Repeated concerns from school; threshold met."}
                                                """),
                                @ExampleObject(name = "early-help", summary = "Early help instead of social care",
                                        value = """
                                                {"outcome": "EARLY_HELP", "decidedAt": "2024-03-04T15:05:00Z",
                                                 "rationale": "Needs can be met by the family hub; consent given."}
                                                """) }))
            @Valid @NotNull DecisionRequest body,
            @Context SecurityContext security) {
        teams.requireVisible(() -> service.get(id).team(), "Contact", id);
        String decidedBy = body.decidedBy() != null ? body.decidedBy() : security.getUserPrincipal().getName();
        return ContactView.of(service.decide(id, body.outcome(), body.decidedAt(), decidedBy, body.rationale()));
    }
}
