package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.ContractValidator;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Test;

/** One child through the whole journey, every step's event read back from Kafka in order and checked. */
@QuarkusTest
class CaseJourneyFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static ValidatableResponse post(String path, String body) {
        return given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    private static String referral(String childRef) {
        String contactId = post("/contacts", """
                {"childRef": "%s", "receivedAt": "2024-03-04T09:00:00Z", "source": "3A", "channel": "PHONE",
                 "outOfHours": false, "team": "south"}
                """.formatted(childRef)).statusCode(201).extract().path("id");
        return post("/contacts/" + contactId + "/decision", """
                {"outcome": "REFERRAL", "decidedAt": "2024-03-04T10:00:00Z", "rationale": "Injury explained poorly"}
                """).statusCode(200).extract().path("caseId");
    }

    @Test
    void aChildsWholeJourneyIsElevenEventsInOrderEachValid() {
        String childRef = "child-" + UUID.randomUUID();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            String caseId = referral(childRef);
            String base = "/cases/" + caseId;
            String assessmentId = post(base + "/assessments", "{\"startedAt\": \"2024-03-05T09:00:00Z\"}")
                    .statusCode(201).body("dueBy", equalTo("2024-05-09")).body("kind", equalTo("SINGLE"))
                    .extract().path("id");
            String discussionId = post(base + "/strategy-discussions",
                    "{\"heldAt\": \"2024-03-06T14:00:00Z\", \"section47Initiated\": true}").statusCode(201)
                    .extract().path("id");
            String enquiryId = post(base + "/section47-enquiries",
                    "{\"startedAt\": \"2024-03-06T15:00:00Z\", \"strategyDiscussionId\": \"" + discussionId + "\"}")
                    .statusCode(201).body("icpcDueBy", equalTo("2024-03-27")).extract().path("id");
            post(base + "/section47-enquiries/" + enquiryId + "/completion",
                    "{\"completedAt\": \"2024-03-15T12:00:00Z\", \"outcome\": \"ICPC_REQUIRED\"}").statusCode(200);
            post(base + "/assessments/" + assessmentId + "/completion",
                    "{\"completedAt\": \"2024-03-20T12:00:00Z\", \"outcome\": \"STRATEGY_DISCUSSION\", \"primaryNeed\": \"N1\"}")
                    .statusCode(200).body("inTimescale", equalTo(true)).body("workingDays", equalTo(12));
            post(base + "/conferences", """
                    {"heldAt": "2024-03-26T10:00:00Z", "kind": "INITIAL", "section47EnquiryId": "%s",
                     "outcome": "CP_PLAN", "category": "NEG"}
                    """.formatted(enquiryId)).statusCode(201).body("inTimescale", equalTo(true))
                    .body("cpPlanId", notNullValue());
            post(base + "/cp-plan/end", "{\"endedAt\": \"2024-09-26T10:00:00Z\"}").statusCode(200)
                    .body("endDate", equalTo("2024-09-26"));
            post(base + "/closure", "{\"closedAt\": \"2024-10-01T10:00:00Z\", \"reason\": \"RC7\"}").statusCode(200)
                    .body("status", equalTo("CLOSED"));

            given().auth().preemptive().basic("analyst", "analyst").get(base).then().statusCode(200)
                    .body("timeline.step", hasItems("REFERRAL", "ASSESSMENT_STARTED", "STRATEGY_DISCUSSION",
                            "SECTION47_STARTED", "SECTION47_COMPLETED", "ASSESSMENT_COMPLETED", "CONFERENCE",
                            "CP_PLAN_STARTED", "CP_PLAN_ENDED", "CLOSED"))
                    .body("timeline[0].step", equalTo("REFERRAL"));

            List<ConsumerRecord<String, String>> events = tap.await(r -> childRef.equals(r.key()), 11,
                    Duration.ofSeconds(20));
            List<String> types = events.stream().map(r -> EventTap.header(r, CloudEventHeaders.TYPE)).toList();
            assertEquals(List.of(EventTypes.CONTACT_RECEIVED, EventTypes.CONTACT_DECIDED, EventTypes.CASE_OPENED,
                    EventTypes.ASSESSMENT_STARTED, EventTypes.STRATEGY_DISCUSSION_HELD, EventTypes.SECTION47_STARTED,
                    EventTypes.SECTION47_COMPLETED, EventTypes.ASSESSMENT_COMPLETED, EventTypes.CONFERENCE_HELD,
                    EventTypes.CP_PLAN_ENDED, EventTypes.CASE_CLOSED), types);
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> event : events) {
                String type = EventTap.header(event, CloudEventHeaders.TYPE);
                assertEquals(List.of(), ContractValidator.validateData(type, event.value()), type);
                assertEquals("1.0", EventTap.header(event, CloudEventHeaders.SPECVERSION));
                assertEquals(EventTypes.SOURCE_REFERRAL, EventTap.header(event, CloudEventHeaders.SOURCE));
                assertEquals("application/json", EventTap.header(event, CloudEventHeaders.CONTENT_TYPE));
                assertTrue(ids.add(UUID.fromString(EventTap.header(event, CloudEventHeaders.ID)).toString()));
                if (!type.startsWith("frontdoor.contact.")) {
                    assertEquals(caseId, EventTap.header(event, CloudEventHeaders.SUBJECT), type);
                }
            }
            assertEquals(1, events.stream().map(ConsumerRecord::partition).distinct().count(),
                    "one child's events stay in one partition");
            assertTrue(events.get(8).value().contains("\"repeatCpPlan\":false"));
            assertTrue(events.get(10).value().contains("\"noFurtherStepAfterReferral\":false"));
        }
    }

    @Test
    void theRulesOfTheJourneyAnswer409And404() {
        String caseId = referral("child-" + UUID.randomUUID());
        String base = "/cases/" + caseId;
        post("/cases/" + UUID.randomUUID() + "/assessments", "{}").statusCode(404)
                .contentType("application/problem+json");
        post(base + "/assessments/" + UUID.randomUUID() + "/completion", "{\"outcome\": \"OTHER\"}").statusCode(404);
        post(base + "/assessments", "{\"startedAt\": \"2024-03-01T09:00:00Z\"}").statusCode(409)
                .body("detail", containsString("before the referral"));
        String discussionId = post(base + "/strategy-discussions",
                "{\"heldAt\": \"2024-03-06T14:00:00Z\", \"section47Initiated\": false}").statusCode(201)
                .extract().path("id");
        post(base + "/section47-enquiries", "{\"strategyDiscussionId\": \"" + discussionId + "\"}").statusCode(409)
                .body("detail", containsString("did not initiate"));
        post(base + "/conferences", "{\"kind\": \"REVIEW\", \"outcome\": \"CP_PLAN\"}").statusCode(409)
                .body("detail", containsString("active child protection plan"));
        post(base + "/cp-plan/end", "{}").statusCode(409);
        post(base + "/conferences", "{\"kind\": \"INITIAL\", \"outcome\": \"NO_PLAN\"}").statusCode(400)
                .body("violations.field", hasItems("section47EnquiryId"));
        post(base + "/closure", "{\"reason\": \"RC8\"}").statusCode(200);
        post(base + "/strategy-discussions", "{\"section47Initiated\": true}").statusCode(409)
                .body("detail", containsString("closed"));
        post(base + "/closure", "{\"reason\": \"RC8\"}").statusCode(409);
    }

    @Test
    void stepsOutOfOrderAnswer409AndChangeNothing() {
        String base = "/cases/" + referral("child-" + UUID.randomUUID());
        String assessmentId = post(base + "/assessments", "{\"startedAt\": \"2024-03-06T09:00:00Z\"}").statusCode(201)
                .extract().path("id");
        post(base + "/assessments/" + assessmentId + "/completion",
                "{\"completedAt\": \"2024-03-05T09:00:00Z\", \"outcome\": \"OTHER\"}").statusCode(409)
                .body("detail", containsString("before the assessment started"));
        post(base + "/assessments", "{\"startedAt\": \"2024-03-06T10:00:00Z\"}").statusCode(409)
                .body("detail", containsString("already has an open"));
        String discussionId = post(base + "/strategy-discussions",
                "{\"heldAt\": \"2024-03-06T14:00:00Z\", \"section47Initiated\": true}").statusCode(201)
                .extract().path("id");
        post(base + "/section47-enquiries",
                "{\"startedAt\": \"2024-03-06T13:00:00Z\", \"strategyDiscussionId\": \"" + discussionId + "\"}")
                .statusCode(409).body("detail", containsString("before the strategy discussion"));
        String enquiryId = post(base + "/section47-enquiries",
                "{\"startedAt\": \"2024-03-06T15:00:00Z\", \"strategyDiscussionId\": \"" + discussionId + "\"}")
                .statusCode(201).extract().path("id");
        String conference = """
                {"heldAt": "2024-03-20T10:00:00Z", "kind": "INITIAL", "section47EnquiryId": "%s", "outcome": "CP_PLAN",
                 "category": "EMO"}
                """.formatted(enquiryId);
        post(base + "/conferences", conference).statusCode(409).body("detail", containsString("still open"));
        post(base + "/section47-enquiries/" + enquiryId + "/completion",
                "{\"completedAt\": \"2024-03-12T12:00:00Z\", \"outcome\": \"NO_ICPC\"}").statusCode(200);
        post(base + "/section47-enquiries/" + enquiryId + "/completion",
                "{\"completedAt\": \"2024-03-13T12:00:00Z\", \"outcome\": \"ICPC_REQUIRED\"}").statusCode(409)
                .body("detail", containsString("already completed"));
        post(base + "/conferences", conference).statusCode(409).body("detail", containsString("ICPC_REQUIRED"));
        post(base + "/cp-plan/end", "{\"endedAt\": \"2024-03-21T10:00:00Z\"}").statusCode(409)
                .body("detail", containsString("no active child protection plan"));
        given().auth().preemptive().basic("analyst", "analyst").get(base).then()
                .body("timeline.step", hasItems("SECTION47_COMPLETED")).body("timeline.size()", equalTo(5));
    }

    @Test
    void aTransferInConferenceStartsAPlanAndARepeatPlanIsFlagged() {
        String childRef = "child-" + UUID.randomUUID();
        String first = referral(childRef);
        post("/cases/" + first + "/conferences", """
                {"heldAt": "2024-03-05T10:00:00Z", "kind": "INITIAL", "transferIn": true, "outcome": "CP_PLAN", "category": "PHY"}
                """).statusCode(201).body("cpPlanId", notNullValue());
        post("/cases/" + first + "/closure", "{\"closedAt\": \"2024-06-05T10:00:00Z\", \"reason\": \"RC7\"}")
                .statusCode(200);
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            String contactId = post("/contacts", """
                    {"childRef": "%s", "receivedAt": "2024-07-01T09:00:00Z", "source": "6", "channel": "PHONE",
                     "outOfHours": true, "team": "south"}
                    """.formatted(childRef)).statusCode(201).extract().path("id");
            String second = post("/contacts/" + contactId + "/decision", """
                    {"outcome": "REFERRAL", "decidedAt": "2024-07-01T10:00:00Z", "rationale": "New incident"}
                    """).statusCode(200).extract().path("caseId");
            post("/cases/" + second + "/conferences", """
                    {"heldAt": "2024-07-02T10:00:00Z", "kind": "INITIAL", "transferIn": true, "outcome": "CP_PLAN", "category": "NEG"}
                    """).statusCode(201);
            List<ConsumerRecord<String, String>> events = tap.await(r -> childRef.equals(r.key()), 4,
                    Duration.ofSeconds(15));
            assertTrue(events.get(2).value().contains("\"reReferral\":true"), events.get(2).value());
            assertTrue(events.get(3).value().contains("\"repeatCpPlan\":true"), events.get(3).value());
            assertTrue(events.get(3).value().contains("\"previousCpPlans\":1"), events.get(3).value());
        }
    }
}
