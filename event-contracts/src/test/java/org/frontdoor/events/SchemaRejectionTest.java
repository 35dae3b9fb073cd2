package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the schemas can fail: each case breaks one rule of an otherwise valid golden sample and
 * expects the schema to reject it, so the sample tests are not passing against an empty schema.
 */
class SchemaRejectionTest {

    private static final String RECEIVED_FULL = "samples/frontdoor.contact.received.v1/full.json";
    private static final String DECIDED_REFERRAL = "samples/frontdoor.contact.decided.v1/referral.json";
    private static final String DECIDED_NFA = "samples/frontdoor.contact.decided.v1/no-further-action.json";
    private static final String OPENED = "samples/frontdoor.case.opened.v1/first-referral.json";
    private static final String ALLOCATED = "samples/frontdoor.case.allocated.v1/reallocation-over-threshold.json";
    private static final String ASSESSMENT_STARTED = "samples/frontdoor.assessment.started.v1/single-wt2023.json";
    private static final String ASSESSMENT_COMPLETED =
            "samples/frontdoor.assessment.completed.v1/single-in-timescale.json";
    private static final String STRATEGY_DISCUSSION =
            "samples/frontdoor.strategy-discussion.held.v1/section47-initiated.json";
    private static final String S47_STARTED =
            "samples/frontdoor.section47.started.v1/initiated-by-strategy-discussion.json";
    private static final String S47_COMPLETED = "samples/frontdoor.section47.completed.v1/icpc-required.json";
    private static final String ICPC_PLAN = "samples/frontdoor.conference.held.v1/initial-first-plan-in-timescale.json";
    private static final String ICPC_NO_PLAN = "samples/frontdoor.conference.held.v1/initial-no-plan-late.json";
    private static final String TRANSFER_IN = "samples/frontdoor.conference.held.v1/transfer-in-repeat-plan.json";
    private static final String REVIEW = "samples/frontdoor.conference.held.v1/review-plan-ends.json";
    private static final String PLAN_ENDED = "samples/frontdoor.cp-plan.ended.v1/ended-at-review.json";
    private static final String CLOSED = "samples/frontdoor.case.closed.v1/referral-no-further-step.json";
    private static final String DEALLOCATED_TO_QUEUE =
            "samples/frontdoor.case.deallocated.v1/worker-left-back-to-queue.json";
    private static final String DEALLOCATED_CLOSED = "samples/frontdoor.case.deallocated.v1/case-closed.json";
    private static final String WORKER_OWN_THRESHOLD = "samples/frontdoor.worker.updated.v1/part-time-own-threshold.json";
    private static final String WORKER_DEFAULT = "samples/frontdoor.worker.updated.v1/full-time-default-threshold.json";
    private static final String RAISED_CASE = "samples/frontdoor.alert.raised.v1/case-unallocated-too-long.json";
    private static final String RAISED_TEAM = "samples/frontdoor.alert.raised.v1/queue-above-threshold.json";
    private static final String RAISED_WORKER = "samples/frontdoor.alert.raised.v1/caseload-over-threshold.json";
    private static final String RAISED_CONTACT = "samples/frontdoor.alert.raised.v1/contact-decision-overdue.json";
    private static final String RESOLVED_CASE = "samples/frontdoor.alert.resolved.v1/case-allocated.json";
    private static final String RESOLVED_TEAM = "samples/frontdoor.alert.resolved.v1/queue-back-under-threshold.json";

    static Stream<Arguments> brokenSamples() {
        return Stream.of(
                broken("unknown channel", RECEIVED_FULL, data -> data.put("channel", "FAX")),
                broken("unknown source code", RECEIVED_FULL, data -> data.put("source", "11")),
                broken("source code in lower case", RECEIVED_FULL, data -> data.put("source", "2a")),
                broken("missing contactId", RECEIVED_FULL, data -> data.remove("contactId")),
                broken("null childRef", RECEIVED_FULL, data -> data.putNull("childRef")),
                broken("childRef with spaces, like a name", RECEIVED_FULL, data -> data.put("childRef", "Jane Doe")),
                broken("contactId not a UUID", RECEIVED_FULL, data -> data.put("contactId", "contact-1")),
                broken("occurredAt not a date-time", RECEIVED_FULL, data -> data.put("occurredAt", "2024-03-04")),
                broken("occurredAt without offset", RECEIVED_FULL,
                        data -> data.put("occurredAt", "2024-03-04T09:15:00")),
                broken("decisionDueBy not a date", RECEIVED_FULL, data -> data.put("decisionDueBy", "05/03/2024")),
                broken("outOfHours as a string", RECEIVED_FULL, data -> data.put("outOfHours", "false")),
                broken("birthMonth month 13", RECEIVED_FULL,
                        data -> ((ObjectNode) data.get("child")).put("birthMonth", "2016-13")),
                broken("birthMonth as a full date of birth", RECEIVED_FULL,
                        data -> ((ObjectNode) data.get("child")).put("birthMonth", "2016-07-14")),
                broken("concern as free text", RECEIVED_FULL,
                        data -> data.putArray("concerns").add("dad shouts at the kids")),
                broken("unknown outcome", DECIDED_REFERRAL, data -> data.put("outcome", "REFER")),
                broken("referral without a case", DECIDED_REFERRAL, data -> data.remove("caseId")),
                broken("referral with a null case", DECIDED_REFERRAL, data -> data.putNull("caseId")),
                broken("missing rationaleRecorded", DECIDED_NFA, data -> data.remove("rationaleRecorded")),
                broken("negative working days", DECIDED_NFA, data -> data.put("workingDaysToDecision", -1)),
                broken("fractional working days", DECIDED_NFA, data -> data.put("workingDaysToDecision", 1.5)),
                broken("missing referralDate", OPENED, data -> data.remove("referralDate")),
                broken("reReferral as a number", OPENED, data -> data.put("reReferral", 1)),
                broken("missing workerId", ALLOCATED, data -> data.remove("workerId")),
                broken("empty previousWorkerId", ALLOCATED, data -> data.put("previousWorkerId", "")),
                broken("unknown assessment kind", ASSESSMENT_STARTED, data -> data.put("kind", "CHILD_AND_FAMILY")),
                broken("assessment kind in lower case", ASSESSMENT_STARTED, data -> data.put("kind", "single")),
                broken("unknown rule set", ASSESSMENT_STARTED, data -> data.put("ruleSet", "WT2018")),
                broken("missing anchorDate", ASSESSMENT_STARTED, data -> data.remove("anchorDate")),
                broken("dueBy as a date-time", ASSESSMENT_STARTED, data -> data.put("dueBy", "2024-05-10T00:00:00Z")),
                broken("assessmentId not a UUID", ASSESSMENT_STARTED, data -> data.put("assessmentId", "A-1")),
                broken("missing team", ASSESSMENT_STARTED, data -> data.remove("team")),
                broken("unknown assessment outcome", ASSESSMENT_COMPLETED, data -> data.put("outcome", "CIN_PLAN")),
                broken("unknown primary need", ASSESSMENT_COMPLETED, data -> data.put("primaryNeed", "N10")),
                broken("primary need as free text", ASSESSMENT_COMPLETED,
                        data -> data.put("primaryNeed", "abuse or neglect")),
                broken("missing startedAt", ASSESSMENT_COMPLETED, data -> data.remove("startedAt")),
                broken("negative assessment working days", ASSESSMENT_COMPLETED, data -> data.put("workingDays", -3)),
                broken("null inTimescale on an assessment", ASSESSMENT_COMPLETED, data -> data.putNull("inTimescale")),
                broken("missing section47Initiated", STRATEGY_DISCUSSION, data -> data.remove("section47Initiated")),
                broken("section47Initiated as a string", STRATEGY_DISCUSSION,
                        data -> data.put("section47Initiated", "yes")),
                broken("missing icpcDueBy", S47_STARTED, data -> data.remove("icpcDueBy")),
                broken("null strategyDiscussionId on an enquiry", S47_STARTED,
                        data -> data.putNull("strategyDiscussionId")),
                broken("strategyDiscussionDate not a date", S47_STARTED,
                        data -> data.put("strategyDiscussionDate", "2024-02-30")),
                broken("unknown section 47 outcome", S47_COMPLETED, data -> data.put("outcome", "CP_PLAN")),
                broken("missing section 47 outcome", S47_COMPLETED, data -> data.remove("outcome")),
                broken("unknown conference kind", ICPC_PLAN, data -> data.put("kind", "TRANSFER_IN")),
                broken("unknown conference outcome", ICPC_PLAN, data -> data.put("outcome", "CHILD_IN_NEED_PLAN")),
                broken("unknown category of abuse", ICPC_PLAN, data -> data.put("category", "DOM")),
                broken("plan started without a category", ICPC_PLAN, data -> data.putNull("category")),
                broken("plan started with category left out", ICPC_PLAN, data -> data.remove("category")),
                broken("plan started without a plan id", ICPC_PLAN, data -> data.putNull("cpPlanId")),
                broken("plan started with plan id left out", ICPC_PLAN, data -> data.remove("cpPlanId")),
                broken("plan started without repeatCpPlan", ICPC_PLAN, data -> data.putNull("repeatCpPlan")),
                broken("transfer-in plan without a category", TRANSFER_IN, data -> data.putNull("category")),
                broken("transfer-in with an ICPC verdict", TRANSFER_IN, data -> data.put("inTimescale", true)),
                broken("review with an ICPC verdict", REVIEW, data -> data.put("inTimescale", false)),
                broken("no-plan conference turned into a plan without its fields", ICPC_NO_PLAN,
                        data -> data.put("outcome", "CP_PLAN")),
                broken("missing transferIn", ICPC_NO_PLAN, data -> data.remove("transferIn")),
                broken("negative working days from the strategy discussion", ICPC_NO_PLAN,
                        data -> data.put("workingDaysFromStrategyDiscussion", -1)),
                broken("icpcDueBy not a date", ICPC_NO_PLAN, data -> data.put("icpcDueBy", "soon")),
                broken("section47Id not a UUID", ICPC_NO_PLAN, data -> data.put("section47Id", "s47-1")),
                broken("negative previous plans", TRANSFER_IN, data -> data.put("previousCpPlans", -1)),
                broken("ended plan without a category", PLAN_ENDED, data -> data.putNull("category")),
                broken("ended plan with multiple categories spelt out", PLAN_ENDED,
                        data -> data.put("category", "NEG,PHY")),
                broken("missing plan startDate", PLAN_ENDED, data -> data.remove("startDate")),
                broken("missing endedByClosure", PLAN_ENDED, data -> data.remove("endedByClosure")),
                broken("unknown closure reason", CLOSED, data -> data.put("reason", "RC10")),
                broken("closure reason in lower case", CLOSED, data -> data.put("reason", "rc7")),
                broken("missing closedDate", CLOSED, data -> data.remove("closedDate")),
                broken("missing noFurtherStepAfterReferral", CLOSED,
                        data -> data.remove("noFurtherStepAfterReferral")),
                broken("null caseId on a closure", CLOSED, data -> data.putNull("caseId")),
                broken("closure childRef with spaces, like a name", CLOSED,
                        data -> data.put("childRef", "John Smith")),
                broken("deallocation reason as free text", DEALLOCATED_TO_QUEUE,
                        data -> data.put("reason", "the family moved")),
                broken("deallocation reason in lower case", DEALLOCATED_TO_QUEUE,
                        data -> data.put("reason", "worker_left")),
                broken("deallocation reason with a digit", DEALLOCATED_TO_QUEUE, data -> data.put("reason", "RC7")),
                broken("deallocation reason longer than 40", DEALLOCATED_TO_QUEUE,
                        data -> data.put("reason", "W".repeat(41))),
                broken("empty deallocation reason", DEALLOCATED_TO_QUEUE, data -> data.put("reason", "")),
                broken("missing deallocation reason", DEALLOCATED_TO_QUEUE, data -> data.remove("reason")),
                broken("missing deallocatedBy", DEALLOCATED_TO_QUEUE, data -> data.remove("deallocatedBy")),
                broken("missing workerId on a deallocation", DEALLOCATED_TO_QUEUE, data -> data.remove("workerId")),
                broken("null caseId on a deallocation", DEALLOCATED_TO_QUEUE, data -> data.putNull("caseId")),
                broken("open case back in the queue without waitingSince", DEALLOCATED_TO_QUEUE,
                        data -> data.putNull("waitingSince")),
                broken("open case back in the queue with waitingSince left out", DEALLOCATED_TO_QUEUE,
                        data -> data.remove("waitingSince")),
                broken("waitingSince not a date-time", DEALLOCATED_TO_QUEUE,
                        data -> data.put("waitingSince", "2024-04-12")),
                broken("closed case still waiting in the queue", DEALLOCATED_CLOSED,
                        data -> data.put("waitingSince", "2024-09-13T15:00:00Z")),
                broken("closed case with waitingSince left out", DEALLOCATED_CLOSED,
                        data -> data.remove("waitingSince")),
                broken("deallocation childRef with spaces, like a name", DEALLOCATED_CLOSED,
                        data -> data.put("childRef", "Jane Doe")),
                broken("fte of zero", WORKER_OWN_THRESHOLD, data -> data.put("fte", 0)),
                broken("fte below 0.05", WORKER_OWN_THRESHOLD, data -> data.put("fte", 0.04)),
                broken("fte above 1.5", WORKER_OWN_THRESHOLD, data -> data.put("fte", 1.51)),
                broken("fte as a string", WORKER_OWN_THRESHOLD, data -> data.put("fte", "0.6")),
                broken("null fte", WORKER_OWN_THRESHOLD, data -> data.putNull("fte")),
                broken("missing fte", WORKER_OWN_THRESHOLD, data -> data.remove("fte")),
                broken("caseload threshold of zero", WORKER_OWN_THRESHOLD, data -> data.put("caseloadThreshold", 0)),
                broken("negative caseload threshold", WORKER_OWN_THRESHOLD,
                        data -> data.put("caseloadThreshold", -18)),
                broken("caseload threshold as a string", WORKER_OWN_THRESHOLD,
                        data -> data.put("caseloadThreshold", "15")),
                broken("missing caseHolding", WORKER_DEFAULT, data -> data.remove("caseHolding")),
                broken("caseHolding as a string", WORKER_DEFAULT, data -> data.put("caseHolding", "true")),
                broken("missing worker team", WORKER_DEFAULT, data -> data.remove("team")),
                broken("empty workerId", WORKER_DEFAULT, data -> data.put("workerId", "")),
                broken("worker occurredAt not a date-time", WORKER_DEFAULT,
                        data -> data.put("occurredAt", "2024-01-08")),
                broken("unknown alert kind", RAISED_CASE, data -> data.put("kind", "CASE_OVERDUE")),
                broken("alert kind in lower case", RAISED_CASE, data -> data.put("kind", "case_unallocated_too_long")),
                broken("unknown alert subject type", RAISED_CASE, data -> data.put("subjectType", "CHILD")),
                broken("alertId not a UUID", RAISED_CASE, data -> data.put("alertId", "alert-1")),
                broken("case alert without a childRef", RAISED_CASE, data -> data.putNull("childRef")),
                broken("case alert with childRef left out", RAISED_CASE, data -> data.remove("childRef")),
                broken("case alert subject not a UUID", RAISED_CASE, data -> data.put("subjectId", "case-1")),
                broken("case alert about a contact", RAISED_CASE, data -> data.put("subjectType", "CONTACT")),
                broken("missing detail", RAISED_CASE, data -> data.remove("detail")),
                broken("null detail", RAISED_CASE, data -> data.putNull("detail")),
                broken("empty detail", RAISED_CASE, data -> data.put("detail", "")),
                broken("detail longer than 500", RAISED_CASE, data -> data.put("detail", "x".repeat(501))),
                broken("detail over several lines, like case notes", RAISED_CASE,
                        data -> data.put("detail", "Case has waited 6 working days.\nMum says dad is back.")),
                broken("negative value", RAISED_CASE, data -> data.put("value", -1)),
                broken("fractional value", RAISED_CASE, data -> data.put("value", 6.5)),
                broken("threshold as a string", RAISED_CASE, data -> data.put("threshold", "5")),
                broken("missing alert subjectId", RAISED_CASE, data -> data.remove("subjectId")),
                broken("missing alert team", RAISED_CASE, data -> data.remove("team")),
                broken("queue alert about a worker", RAISED_TEAM, data -> {
                    data.put("subjectType", "WORKER");
                    data.put("subjectId", "sw-042");
                }),
                broken("team alert carrying a childRef", RAISED_TEAM, data -> data.put("childRef", "CH-000184")),
                broken("team alert with an empty subjectId", RAISED_TEAM, data -> data.put("subjectId", "")),
                broken("caseload alert about a team", RAISED_WORKER, data -> data.put("subjectType", "TEAM")),
                broken("worker alert carrying a childRef", RAISED_WORKER, data -> data.put("childRef", "CH-000184")),
                broken("contact alert without a childRef", RAISED_CONTACT, data -> data.putNull("childRef")),
                broken("contact alert subject not a UUID", RAISED_CONTACT, data -> data.put("subjectId", "C-1")),
                broken("alert childRef with spaces, like a name", RAISED_CONTACT,
                        data -> data.put("childRef", "Jane Doe")),
                broken("missing raisedAt", RESOLVED_CASE, data -> data.remove("raisedAt")),
                broken("raisedAt not a date-time", RESOLVED_CASE, data -> data.put("raisedAt", "yesterday")),
                broken("missing alertId on a resolution", RESOLVED_CASE, data -> data.remove("alertId")),
                broken("resolved alert of an unknown kind", RESOLVED_CASE, data -> data.put("kind", "OTHER")),
                broken("resolved case alert without a childRef", RESOLVED_CASE, data -> data.putNull("childRef")),
                broken("resolved case alert about a contact", RESOLVED_CASE,
                        data -> data.put("subjectType", "CONTACT")),
                broken("resolved team alert carrying a childRef", RESOLVED_TEAM,
                        data -> data.put("childRef", "CH-000184")),
                broken("resolved queue alert about a case", RESOLVED_TEAM, data -> {
                    data.put("subjectType", "CASE");
                    data.put("subjectId", "7c9e1a3c-5e7f-4b9d-8fb1-a5b7cd9fab37");
                    data.put("childRef", "CH-000311");
                }));
    }

    private static Arguments broken(String rule, String sample, Consumer<ObjectNode> breakIt) {
        return Arguments.of(rule, sample, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void schemaRejectsTheBrokenSample(String rule, String sample, Consumer<ObjectNode> breakIt) {
        ObjectNode event = Json.readResource(sample);
        ObjectNode data = (ObjectNode) event.get("data");
        String type = event.get("type").asText();
        assertEquals(List.of(), ContractValidator.validateData(type, data.toString()), "unbroken " + sample);

        breakIt.accept(data);

        assertFalse(ContractValidator.validateData(type, data.toString()).isEmpty(), rule);
    }
}
