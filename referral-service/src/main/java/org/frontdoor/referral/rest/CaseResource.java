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
@Tag(name = "Cases", description = "Cases opened by referrals and the steps recorded on them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    private final CaseService service;
    private final TeamScope teams;

    public CaseResource(CaseService service, TeamScope teams) {
        this.service = service;
        this.teams = teams;
    }

    /** A case of a team the user may not see is, for them, a case that does not exist. */
    private void visible(UUID id) {
        teams.requireVisible(() -> service.get(id).team(), "Case", id);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    @Operation(summary = "Get a case with its timeline",
            description = "One case and its timeline: the referral and every step recorded since, in the order "
                    + "they happened, with the facts their clocks need.")
    @APIResponse(responseCode = "200", description = "The case and its timeline.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public CaseView get(@PathParam("id") UUID id) {
        visible(id);
        return CaseView.withTimeline(service.get(id));
    }

    @GET
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER, Roles.PERFORMANCE, Roles.ADMIN })
    @Operation(summary = "List cases",
            description = "Cases without their timelines, filtered by status (OPEN or CLOSED), team and childRef; "
                    + "page (from 0) and size (1 to 500) select a page.")
    @APIResponse(responseCode = "200", description = "One page of cases as a JSON array; X-Total-Count holds the "
            + "number of matching cases and Link the next and previous pages.",
            headers = {
                @Header(name = "X-Total-Count", description = "How many cases match, on all pages",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Link", description = "RFC 8288 links to the next and previous pages, if any",
                        schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CaseView.class)))
    public Response list(@QueryParam("status") String status, @QueryParam("team") @Size(max = 64) String team,
            @QueryParam("childRef") @Size(max = 64) String childRef, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context UriInfo uri) {
        CaseStatus wanted = QueryParameters.optionalEnum("status", status, CaseStatus.class);
        QueryParameters.Page slice = QueryParameters.page(page, size);
        String visibleTeam = teams.filter(team);
        List<CaseView> found = service.search(wanted, visibleTeam, childRef, slice.number(), slice.size()).stream()
                .map(CaseView::summary).toList();
        return PagedResponse.of(found, service.count(wanted, visibleTeam, childRef), slice, uri);
    }

    @POST
    @Idempotent
    @Path("{id}/assessments")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Start an assessment",
            description = "Starts a child and family assessment on an open case: SINGLE (the default, due 45 "
                    + "working days after the referral date) or, for historic WT2010 data, INITIAL or CORE. "
                    + "startedAt left out means now. A case holds one open assessment of a kind at a time (409).")
    @APIResponse(responseCode = "201", description = "The assessment was started; dueBy is the date its clock runs "
            + "out. Location points to it.",
            headers = @Header(name = "Location", description = "The new step's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    public Response startAssessment(@PathParam("id") UUID id,
            @RequestBody(required = true, description = "When the assessment started and its kind.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StartAssessment.class),
                            examples = {
                                @ExampleObject(name = "single",
                                        summary = "A single assessment",
                                        value = """
                                        {"startedAt": "2024-03-05T10:00:00Z", "kind": "SINGLE"}
                                        """) }))
            @Valid @NotNull StartAssessment body,
            @Context UriInfo uri) {
        visible(id);
        Assessment assessment = service.startAssessment(id, body.kind(), body.startedAt());
        return created(uri, assessment.id(), AssessmentView.of(id, assessment));
    }

    @POST
    @Idempotent
    @Path("{id}/assessments/{aid}/completion")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Complete an assessment",
            description = "Completes an assessment started on the case (404 if there is no such assessment, 409 "
                    + "if it is already completed), with its outcome and, optionally, the child's primary need "
                    + "(N0 to N9). completedAt left out means now.")
    @APIResponse(responseCode = "200", description = "The completed assessment, with the working days it took and "
            + "whether that was in time.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)))
    public AssessmentView completeAssessment(@PathParam("id") UUID id, @PathParam("aid") UUID assessmentId,
            @RequestBody(required = true,
                    description = "When the assessment was completed and what it concluded.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompleteAssessment.class),
                            examples = {
                                @ExampleObject(name = "child-in-need-plan",
                                        summary = "Assessment leads to a child in need plan",
                                        value = """
                                        {"completedAt": "2024-04-22T16:00:00Z", "outcome": "CHILD_IN_NEED_PLAN",
                                         "primaryNeed": "N1"}
                                        """) }))
            @Valid @NotNull CompleteAssessment body) {
        visible(id);
        return AssessmentView.of(id, service.completeAssessment(id, assessmentId, body.completedAt(), body.outcome(),
                body.primaryNeed()));
    }

    @POST
    @Idempotent
    @Path("{id}/strategy-discussions")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Record a strategy discussion",
            description = "Records a multi-agency strategy discussion held on the case and whether it initiated a "
                    + "Section 47 enquiry, which starts the 15 working day clock to the initial conference. "
                    + "heldAt left out means now.")
    @APIResponse(responseCode = "201", description = "The strategy discussion was recorded; Location points to it.",
            headers = @Header(name = "Location", description = "The new step's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StrategyDiscussionView.class)))
    public Response holdStrategyDiscussion(@PathParam("id") UUID id,
            @RequestBody(required = true,
                    description = "When the discussion was held and whether it initiated a Section 47 enquiry.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HoldStrategyDiscussion.class),
                            examples = {
                                @ExampleObject(name = "section47-initiated",
                                        summary = "A discussion that initiates a Section 47 enquiry",
                                        value = """
                                        {"heldAt": "2024-03-06T11:00:00Z", "section47Initiated": true}
                                        """) }))
            @Valid @NotNull HoldStrategyDiscussion body,
            @Context UriInfo uri) {
        visible(id);
        StrategyDiscussion discussion = service.holdStrategyDiscussion(id, body.heldAt(), body.section47Initiated());
        return created(uri, discussion.id(), StrategyDiscussionView.of(id, discussion));
    }

    @POST
    @Idempotent
    @Path("{id}/section47-enquiries")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Start a Section 47 enquiry",
            description = "Starts the Section 47 enquiry a strategy discussion of this case initiated (409 if it "
                    + "did not, or already has one). startedAt left out means now.")
    @APIResponse(responseCode = "201", description = "The enquiry was started; icpcDueBy is the date the initial "
            + "conference is due by. Location points to it.",
            headers = @Header(name = "Location", description = "The new step's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Section47View.class)))
    public Response startSection47(@PathParam("id") UUID id,
            @RequestBody(required = true,
                    description = "When the enquiry started and the strategy discussion that initiated it.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StartSection47.class),
                            examples = {
                                @ExampleObject(name = "enquiry",
                                        summary = "An enquiry following a strategy discussion",
                                        value = """
                                        {"startedAt": "2024-03-06T15:00:00Z",
                                         "strategyDiscussionId": "8f14e45f-ceea-4e7a-9b1c-2d3e4f5a6b7c"}
                                        """) }))
            @Valid @NotNull StartSection47 body,
            @Context UriInfo uri) {
        visible(id);
        Section47Enquiry enquiry = service.startSection47(id, body.strategyDiscussionId(), body.startedAt());
        return created(uri, enquiry.id(), Section47View.of(id, enquiry));
    }

    @POST
    @Idempotent
    @Path("{id}/section47-enquiries/{sid}/completion")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Complete a Section 47 enquiry",
            description = "Completes a Section 47 enquiry of the case that is not yet completed, concluding "
                    + "whether an initial child protection conference is required. completedAt left out means now.")
    @APIResponse(responseCode = "200", description = "The completed enquiry.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Section47View.class)))
    public Section47View completeSection47(@PathParam("id") UUID id, @PathParam("sid") UUID section47Id,
            @RequestBody(required = true, description = "When the enquiry was completed and its outcome.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompleteSection47.class),
                            examples = {
                                @ExampleObject(name = "icpc-required",
                                        summary = "An initial conference is required",
                                        value = """
                                        {"completedAt": "2024-03-15T12:00:00Z", "outcome": "ICPC_REQUIRED"}
                                        """) }))
            @Valid @NotNull CompleteSection47 body) {
        visible(id);
        return Section47View.of(id, service.completeSection47(id, section47Id, body.completedAt(), body.outcome()));
    }

    @POST
    @Idempotent
    @Path("{id}/conferences")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Record a child protection conference",
            description = "Records an INITIAL conference, after a Section 47 enquiry of the case that concluded "
                    + "ICPC_REQUIRED (section47EnquiryId) or for a child transferring in from another authority "
                    + "(transferIn true, no enquiry); an outcome of CP_PLAN starts a child protection plan with its "
                    + "category of abuse. A REVIEW needs an active plan, and NO_PLAN ends it. heldAt left out means "
                    + "now; transferIn defaults to false.")
    @APIResponse(responseCode = "201", description = "The conference was recorded, with the working days from the "
            + "strategy discussion, whether that was in time, and the plan it started, if any. Location points to "
            + "it.",
            headers = @Header(name = "Location", description = "The new step's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ConferenceView.class)))
    public Response holdConference(@PathParam("id") UUID id,
            @RequestBody(required = true,
                    description = "When and what kind of conference was held, and its outcome.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HoldConference.class),
                            examples = {
                                @ExampleObject(name = "initial-cp-plan",
                                        summary = "An initial conference that starts a plan for neglect",
                                        value = """
                                        {"heldAt": "2024-03-26T10:00:00Z", "kind": "INITIAL",
                                         "section47EnquiryId": "3c9a7e21-5b4d-4f80-a6e2-7d1b0c9f8e34",
                                         "transferIn": false, "outcome": "CP_PLAN", "category": "NEG"}
                                        """),
                                @ExampleObject(name = "review-no-plan",
                                        summary = "A review that ends the plan",
                                        value = """
                                        {"heldAt": "2024-06-25T10:00:00Z", "kind": "REVIEW", "outcome": "NO_PLAN"}
                                        """) }))
            @Valid @NotNull HoldConference body,
            @Context UriInfo uri) {
        visible(id);
        Case.ConferenceResult result = service.holdConference(id, body.kind(), body.heldAt(),
                Boolean.TRUE.equals(body.transferIn()), body.section47EnquiryId(), body.outcome(), body.category());
        return created(uri, result.conference().id(), ConferenceView.of(id, result));
    }

    @POST
    @Idempotent
    @Path("{id}/cp-plan/end")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "End the child protection plan",
            description = "Ends the case's active child protection plan (409 if there is none). endedAt left out "
                    + "means now.")
    @APIResponse(responseCode = "200", description = "The ended plan.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CpPlanView.class)))
    public CpPlanView endCpPlan(@PathParam("id") UUID id,
            @RequestBody(required = true, description = "When the plan ended.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EndCpPlan.class),
                            examples = {
                                @ExampleObject(name = "ended",
                                        summary = "The plan ends",
                                        value = """
                                        {"endedAt": "2024-09-30T12:00:00Z"}
                                        """) }))
            @Valid @NotNull EndCpPlan body) {
        visible(id);
        return CpPlanView.of(id, service.endCpPlan(id, body.endedAt()));
    }

    @POST
    @Idempotent
    @Path("{id}/closure")
    @RolesAllowed({ Roles.DUTY_MANAGER, Roles.SOCIAL_WORKER })
    @Operation(summary = "Close a case",
            description = "Closes an open case with a CIN census closure reason (RC1 to RC9); an active plan ends "
                    + "with it. Nothing more can be recorded on a closed case (409). closedAt left out means now.")
    @APIResponse(responseCode = "200", description = "The closed case.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public CaseView close(@PathParam("id") UUID id,
            @RequestBody(required = true, description = "When the case closed and why.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CloseCase.class),
                            examples = {
                                @ExampleObject(name = "services-ceased",
                                        summary = "Services ceased, no longer in need",
                                        value = """
                                        {"closedAt": "2024-10-01T09:00:00Z", "reason": "RC7"}
                                        """) }))
            @Valid @NotNull CloseCase body) {
        visible(id);
        return CaseView.summary(service.close(id, body.closedAt(), body.reason()));
    }

    private static Response created(UriInfo uri, UUID stepId, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(stepId.toString()).build()).entity(view).build();
    }
}
