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
                        data -> data.put("childRef", "John Smith")));
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
