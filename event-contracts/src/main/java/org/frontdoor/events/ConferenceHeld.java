package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Data of {@value EventTypes#CONFERENCE_HELD}: a child protection conference was held. An initial
 * conference that is not a transfer-in stops the ICPC clock; an initial conference (transfer-in
 * included) whose outcome is {@link ConferenceOutcome#CP_PLAN} starts a child protection plan on the
 * conference date, and then {@code category}, {@code cpPlanId} and {@code repeatCpPlan} are set.
 *
 * @param conferenceId the conference's id (UUID)
 * @param caseId the case's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param team the team that owns the case
 * @param occurredAt when the conference was held (business time the clocks use)
 * @param kind one of {@link ConferenceKind}
 * @param transferIn whether it is an initial conference for a child moving in from another LA
 * @param section47Id the Section 47 enquiry that led to it (UUID), or null
 * @param strategyDiscussionDate the local date of the strategy discussion that initiated that
 *     enquiry, the ICPC clock's anchor, or null
 * @param icpcDueBy the local date the initial conference was due by, or null
 * @param workingDaysFromStrategyDiscussion working days from the strategy discussion to the
 *     conference, or null
 * @param inTimescale whether it was held within the ICPC limit; set only for an initial conference
 *     that is not a transfer-in and has a strategy discussion to count from, else null
 * @param outcome one of {@link ConferenceOutcome}
 * @param category one of {@link AbuseCategory}; set when a plan starts, else null
 * @param cpPlanId the id of the plan that started (UUID); set when a plan starts, else null
 * @param repeatCpPlan whether the child had any earlier CP plan; set when a plan starts, else null
 * @param previousCpPlans how many CP plans the child had before, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConferenceHeld(
        String conferenceId,
        String caseId,
        String childRef,
        String team,
        Instant occurredAt,
        String kind,
        boolean transferIn,
        String section47Id,
        LocalDate strategyDiscussionDate,
        LocalDate icpcDueBy,
        Integer workingDaysFromStrategyDiscussion,
        Boolean inTimescale,
        String outcome,
        String category,
        String cpPlanId,
        Boolean repeatCpPlan,
        Integer previousCpPlans) {
}
