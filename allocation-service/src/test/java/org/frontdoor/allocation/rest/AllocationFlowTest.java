package org.frontdoor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.ContractValidator;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllocationFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String openCase(EventPublisher publisher, String team) {
        String caseId = UUID.randomUUID().toString();
        String childRef = "child-" + UUID.randomUUID();
        Instant openedAt = Instant.now().minusSeconds(60);
        publisher.publish(EventTypes.CASE_OPENED, caseId, childRef, """
                {"caseId": "%s", "childRef": "%s", "contactId": "%s", "occurredAt": "%s",
                 "referralDate": "%s", "team": "%s", "source": "6", "reReferral": false,
                 "referralsInPrevious12Months": 0}
                """.formatted(caseId, childRef, UUID.randomUUID(), openedAt, WorkingCalendar.londonDate(openedAt), team));
        return caseId;
    }

    private static ValidatableResponse putWorker(String workerId, String team, String fte, String threshold) {
        return given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Worker %s", "team": "%s", "fte": %s, "caseHolding": true%s}
                        """.formatted(workerId, team, fte, threshold == null ? "" : ", \"caseloadThreshold\": " + threshold))
                .put("/workers/" + workerId).then();
    }

    private static ValidatableResponse allocate(String caseId, String workerId, String overrideReason) {
        return given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                .body(overrideReason == null ? "{\"workerId\": \"" + workerId + "\"}"
                        : "{\"workerId\": \"" + workerId + "\", \"overrideReason\": \"" + overrideReason + "\"}")
                .post("/cases/" + caseId + "/allocation").then();
    }

    private static ValidatableResponse queue(String team) {
        return given().auth().preemptive().basic("worker", "worker").queryParam("team", team).get("/queue").then();
    }

    @Test
    void aReferredCaseWaitsInTheQueueUntilAllocated() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team, "1.0", null).statusCode(201).body("rag", equalTo("GREEN"));
        putWorker(workerId, team, "1.0", null).statusCode(200);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers);
                EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            String caseId = openCase(publisher, team);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> queue(team).statusCode(200)
                    .body("caseId", hasItem(caseId))
                    .body("[0].workingDaysWaiting", equalTo(0))
                    .body("[0].rag", equalTo("GREEN")));

            allocate(caseId, workerId, null).statusCode(201).body("workerId", equalTo(workerId))
                    .body("allocatedBy", equalTo("duty")).body("thresholdOverridden", equalTo(false));
            queue(team).body("", empty());
            given().auth().preemptive().basic("analyst", "analyst").queryParam("team", team).get("/workers").then()
                    .statusCode(200).body("[0].activeCases", equalTo(1));

            List<ConsumerRecord<String, String>> events = tap.await(
                    EventTap.withHeader(CloudEventHeaders.SUBJECT, caseId), 1, Duration.ofSeconds(10));
            assertEquals(EventTypes.CASE_ALLOCATED, EventTap.header(events.get(0), CloudEventHeaders.TYPE));
            assertEquals(EventTypes.SOURCE_ALLOCATION, EventTap.header(events.get(0), CloudEventHeaders.SOURCE));
        }
    }

    @Test
    void theSameEventTwiceQueuesTheCaseOnce() {
        String team = "team-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String data = """
                {"caseId": "%s", "childRef": "child-dup", "contactId": "%s", "occurredAt": "2024-03-04T09:00:00Z",
                 "referralDate": "2024-03-04", "team": "%s", "source": "6", "reReferral": false,
                 "referralsInPrevious12Months": 0}
                """.formatted(caseId, UUID.randomUUID(), team);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish(eventId, EventTypes.CASE_OPENED, caseId, "child-dup", data);
            publisher.publish(eventId, EventTypes.CASE_OPENED, caseId, "child-dup", data);
            String marker = openCase(publisher, team);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> queue(team).body("caseId", hasItem(marker)));
        }
        queue(team).body("", hasSize(2)).body("[0].caseId", equalTo(caseId)).body("[0].rag", equalTo("RED"));
    }

    @Test
    void aWorkerAtThresholdNeedsAnOverride() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team, "0.5", "2").statusCode(201);   // threshold 2 per FTE: 1 case at 0.5 FTE is at it
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            String first = openCase(publisher, team);
            String second = openCase(publisher, team);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> queue(team).body("", hasSize(2)));
            allocate(first, workerId, null).statusCode(201);
            allocate(second, workerId, null).statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("overrideReason"));
            queue(team).body("caseId", hasItem(second));
            allocate(second, workerId, "Knows the family").statusCode(201).body("thresholdOverridden", equalTo(true));
            given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/workers").then()
                    .body("[0].activeCases", equalTo(2)).body("[0].rag", equalTo("RED"));
        }
    }

    @Test
    void allocationRulesAnswer404And409() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String otherTeamWorker = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team, "1.0", null).statusCode(201);
        putWorker(otherTeamWorker, "elsewhere", "1.0", null).statusCode(201);
        allocate(UUID.randomUUID().toString(), "nobody", null).statusCode(404)
                .body("detail", containsString("nobody"));
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            String caseId = openCase(publisher, team);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> queue(team).body("caseId", hasItem(caseId)));
            allocate(caseId, "nobody", null).statusCode(404);
            allocate(caseId, otherTeamWorker, null).statusCode(409).body("detail", containsString("team"));
            allocate(caseId, workerId, null).statusCode(201);
            allocate(caseId, workerId, null).statusCode(409).body("detail", containsString("already allocated"));
        }
    }

    @Test
    void badRequestsAreProblems() {
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"displayName\": \"X\", \"team\": \"t\", \"fte\": 0, \"caseHolding\": true}")
                .put("/workers/sw-zero").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("fte"));
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"displayName\": \"X\", \"team\": \"t\", \"fte\": 1, \"caseHolding\": true, \"salary\": 1}")
                .put("/workers/sw-extra").then().statusCode(400).body("violations.field", hasItem("salary"));
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                .body("{\"workerId\": \"x\"}").post("/cases/" + UUID.randomUUID() + "/allocation").then()
                .statusCode(403);
        given().get("/queue").then().statusCode(401);
    }

    @Test
    void aDeallocatedCaseReturnsToTheQueueAndAClosedCaseLeavesIt() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team, "1.0", null).statusCode(201);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers);
                EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            String caseId = openCase(publisher, team);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> queue(team).body("caseId", hasItem(caseId)));
            given().auth().preemptive().basic("duty", "duty").queryParam("reason", "MANAGER_REQUEST")
                    .delete("/cases/" + caseId + "/allocation").then().statusCode(409)
                    .body("detail", containsString("not allocated"));
            allocate(caseId, workerId, null).statusCode(201);
            given().auth().preemptive().basic("duty", "duty").queryParam("reason", "the family moved")
                    .delete("/cases/" + caseId + "/allocation").then().statusCode(400)
                    .body("violations.field", hasItem("reason"));
            given().auth().preemptive().basic("worker", "worker").delete("/cases/" + caseId + "/allocation").then()
                    .statusCode(403);
            given().auth().preemptive().basic("duty", "duty").queryParam("reason", "WORKER_LEFT")
                    .delete("/cases/" + caseId + "/allocation").then().statusCode(204);
            queue(team).body("caseId", hasItem(caseId)).body("[0].workingDaysWaiting", equalTo(0));
            List<ConsumerRecord<String, String>> events = tap.await(
                    EventTap.withHeader(CloudEventHeaders.TYPE, EventTypes.CASE_DEALLOCATED), 1, Duration.ofSeconds(10));
            assertEquals(true, events.get(0).value().contains("\"reason\":\"WORKER_LEFT\""));

            allocate(caseId, workerId, null).statusCode(201);
            publisher.publish(EventTypes.CASE_CLOSED, caseId, "child-closing", """
                    {"caseId": "%s", "childRef": "child-closing", "team": "%s", "occurredAt": "%s",
                     "referralDate": "2024-03-04", "closedDate": "2024-03-05", "reason": "RC7",
                     "noFurtherStepAfterReferral": false}
                    """.formatted(caseId, team, Instant.now()));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/workers").then()
                            .body("[0].activeCases", equalTo(0)));
            queue(team).body("", empty());
            allocate(caseId, workerId, null).statusCode(409).body("detail", containsString("closed"));
        }
    }

    @Test
    void puttingAWorkerPublishesOneWorkerUpdatedEvent() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            putWorker(workerId, team, "0.8", "16").statusCode(201);
            Predicate<ConsumerRecord<String, String>> updated = EventTap
                    .withHeader(CloudEventHeaders.TYPE, EventTypes.WORKER_UPDATED)
                    .and(EventTap.withHeader(CloudEventHeaders.SUBJECT, workerId));
            ConsumerRecord<String, String> event = tap.await(updated, 1, Duration.ofSeconds(10)).get(0);
            assertEquals(workerId, event.key());
            assertEquals(EventTypes.SOURCE_ALLOCATION, EventTap.header(event, CloudEventHeaders.SOURCE));
            assertEquals(List.of(), ContractValidator.validateData(EventTypes.WORKER_UPDATED, event.value()));
            assertTrue(event.value().contains("\"team\":\"" + team + "\""), event.value());
            assertTrue(event.value().contains("\"caseHolding\":true"), event.value());
            assertFalse(event.value().contains("Worker " + workerId), "the display name stays here");
            assertEquals(1, tap.drain(Duration.ofSeconds(2)).stream().filter(updated).count());
        }
    }
}
