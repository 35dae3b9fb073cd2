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

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.frontdoor.kit.idempotency.Idempotent;
import org.frontdoor.kit.rest.PagedResponse;
import org.frontdoor.kit.rest.QueryParameters;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.referral.domain.Contact;
import org.frontdoor.referral.domain.ContactDetails;
import org.frontdoor.referral.domain.ContactStatus;
import org.frontdoor.referral.service.ContactService;

/** Contacts arriving at the front door and the managers' decisions on them (API.md). */
@Path("/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public Response create(@Valid @NotNull NewContactRequest body, @Context UriInfo uri) {
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
    public Response list(@QueryParam("status") String status, @QueryParam("team") @Size(max = 64) String team,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        LocalDate start = QueryParameters.optionalDate("from", from);
        LocalDate end = QueryParameters.optionalDate("to", to);
        QueryParameters.requireOrdered(start, end);
        QueryParameters.Page slice = QueryParameters.page(page, size);
        ContactService.ContactPage found = service.search(
                QueryParameters.optionalEnum("status", status, ContactStatus.class), team, start, end,
                slice.number(), slice.size());
        return PagedResponse.of(found.contacts().stream().map(ContactView::of).toList(), found.total(), slice, uri);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    public ContactView get(@PathParam("id") UUID id) {
        return ContactView.of(service.get(id));
    }

    @POST
    @Path("{id}/decision")
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @RolesAllowed(Roles.DUTY_MANAGER)
    public ContactView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest body,
            @Context SecurityContext security) {
        String decidedBy = body.decidedBy() != null ? body.decidedBy() : security.getUserPrincipal().getName();
        return ContactView.of(service.decide(id, body.outcome(), body.decidedAt(), decidedBy, body.rationale()));
    }
}
