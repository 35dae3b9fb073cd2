package org.frontdoor.referral.rest;

import java.util.List;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.frontdoor.kit.idempotency.Idempotent;
import org.frontdoor.kit.rest.PagedResponse;
import org.frontdoor.kit.rest.QueryParameters;
import org.frontdoor.kit.security.Roles;
import org.frontdoor.referral.domain.Assessment;
import org.frontdoor.referral.domain.Case;
import org.frontdoor.referral.domain.CaseStatus;
import org.frontdoor.referral.domain.Section47Enquiry;
import org.frontdoor.referral.domain.StrategyDiscussion;
import org.frontdoor.referral.rest.CaseStepRequests.CloseCase;
import org.frontdoor.referral.rest.CaseStepRequests.CompleteAssessment;
import org.frontdoor.referral.rest.CaseStepRequests.CompleteSection47;
import org.frontdoor.referral.rest.CaseStepRequests.EndCpPlan;
import org.frontdoor.referral.rest.CaseStepRequests.HoldConference;
import org.frontdoor.referral.rest.CaseStepRequests.HoldStrategyDiscussion;
import org.frontdoor.referral.rest.CaseStepRequests.StartAssessment;
import org.frontdoor.referral.rest.CaseStepRequests.StartSection47;
import org.frontdoor.referral.rest.CaseStepViews.AssessmentView;
import org.frontdoor.referral.rest.CaseStepViews.ConferenceView;
import org.frontdoor.referral.rest.CaseStepViews.CpPlanView;
import org.frontdoor.referral.rest.CaseStepViews.Section47View;
import org.frontdoor.referral.rest.CaseStepViews.StrategyDiscussionView;
import org.frontdoor.referral.service.CaseService;

/** Cases and the steps recorded on them after the referral (API.md). */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService service;

    public CaseResource(CaseService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.withTimeline(service.get(id));
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    public Response list(@QueryParam("status") String status, @QueryParam("team") @Size(max = 64) String team,
            @QueryParam("childRef") @Size(max = 64) String childRef, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        CaseStatus wanted = QueryParameters.optionalEnum("status", status, CaseStatus.class);
        QueryParameters.Page slice = QueryParameters.page(page, size);
        List<CaseView> found = service.search(wanted, team, childRef, slice.number(), slice.size()).stream()
                .map(CaseView::summary).toList();
        return PagedResponse.of(found, service.count(wanted, team, childRef), slice, uri);
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/assessments")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public Response startAssessment(@PathParam("id") UUID id, @Valid @NotNull StartAssessment body,
            @Context UriInfo uri) {
        Assessment assessment = service.startAssessment(id, body.kind(), body.startedAt());
        return created(uri, assessment.id(), AssessmentView.of(id, assessment));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/assessments/{aid}/completion")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public AssessmentView completeAssessment(@PathParam("id") UUID id, @PathParam("aid") UUID assessmentId,
            @Valid @NotNull CompleteAssessment body) {
        return AssessmentView.of(id, service.completeAssessment(id, assessmentId, body.completedAt(), body.outcome(),
                body.primaryNeed()));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/strategy-discussions")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public Response holdStrategyDiscussion(@PathParam("id") UUID id, @Valid @NotNull HoldStrategyDiscussion body,
            @Context UriInfo uri) {
        StrategyDiscussion discussion = service.holdStrategyDiscussion(id, body.heldAt(), body.section47Initiated());
        return created(uri, discussion.id(), StrategyDiscussionView.of(id, discussion));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/section47-enquiries")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public Response startSection47(@PathParam("id") UUID id, @Valid @NotNull StartSection47 body,
            @Context UriInfo uri) {
        Section47Enquiry enquiry = service.startSection47(id, body.strategyDiscussionId(), body.startedAt());
        return created(uri, enquiry.id(), Section47View.of(id, enquiry));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/section47-enquiries/{sid}/completion")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public Section47View completeSection47(@PathParam("id") UUID id, @PathParam("sid") UUID section47Id,
            @Valid @NotNull CompleteSection47 body) {
        return Section47View.of(id, service.completeSection47(id, section47Id, body.completedAt(), body.outcome()));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/conferences")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public Response holdConference(@PathParam("id") UUID id, @Valid @NotNull HoldConference body,
            @Context UriInfo uri) {
        Case.ConferenceResult result = service.holdConference(id, body.kind(), body.heldAt(),
                Boolean.TRUE.equals(body.transferIn()), body.section47EnquiryId(), body.outcome(), body.category());
        return created(uri, result.conference().id(), ConferenceView.of(id, result));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/cp-plan/end")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public CpPlanView endCpPlan(@PathParam("id") UUID id, @Valid @NotNull EndCpPlan body) {
        return CpPlanView.of(id, service.endCpPlan(id, body.endedAt()));
    }

    @POST
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.DESCRIPTION)
    @Path("{id}/closure")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    public CaseView close(@PathParam("id") UUID id, @Valid @NotNull CloseCase body) {
        return CaseView.summary(service.close(id, body.closedAt(), body.reason()));
    }

    private static Response created(UriInfo uri, UUID stepId, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(stepId.toString()).build()).entity(view).build();
    }
}
