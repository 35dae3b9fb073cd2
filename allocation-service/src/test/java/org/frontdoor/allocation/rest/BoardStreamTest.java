package org.frontdoor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.EventTypes;
import org.frontdoor.localstack.EventPublisher;
import org.junit.jupiter.api.Test;

/** The duty board's live feed: current state first, then every change pushed without asking. */
@QuarkusTest
class BoardStreamTest {

    private static final Duration PUSH = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URI base;

    private String openCase(EventPublisher publisher, String team) {
        String caseId = UUID.randomUUID().toString();
        Instant openedAt = Instant.now().minusSeconds(30);
        publisher.publish(EventTypes.CASE_OPENED, caseId, "child-board", """
                {"caseId": "%s", "childRef": "child-board", "contactId": "%s", "occurredAt": "%s",
                 "referralDate": "%s", "team": "%s", "source": "6", "reReferral": false,
                 "referralsInPrevious12Months": 0}
                """.formatted(caseId, UUID.randomUUID(), openedAt, WorkingCalendar.londonDate(openedAt), team));
        return caseId;
    }

    private static void putWorker(String workerId, String team) {
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Worker %s", "team": "%s", "fte": 1.0, "caseHolding": true, "caseloadThreshold": 2}
                        """.formatted(workerId, team))
                .put("/workers/" + workerId).then().statusCode(201);
    }

    @Test
    void aNewCaseAndItsAllocationArePushedWithoutAsking() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team);
        try (BoardWatcher watcher = new BoardWatcher(base, team, "duty");
                EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            assertEquals(200, watcher.status());
            JsonNode first = watcher.next(PUSH);
            assertEquals(team, first.path("team").asText());
            assertEquals(0, first.path("queue").size(), "nothing waits in a new team");
            assertEquals(workerId, first.path("workers").path(0).path("workerId").asText());

            String caseId = openCase(publisher, team);
            JsonNode arrived = watcher.until(BoardWatcher.queueHas(caseId), PUSH).board();
            assertEquals("GREEN", arrived.path("queue").path(0).path("rag").asText());

            given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                    .body("{\"workerId\": \"" + workerId + "\"}").post("/cases/" + caseId + "/allocation")
                    .then().statusCode(201);
            JsonNode allocated = watcher.until(BoardWatcher.queueLacks(caseId), PUSH).board();
            assertEquals(1, allocated.path("workers").path(0).path("activeCases").asInt());
            assertEquals("GREEN", allocated.path("workers").path(0).path("rag").asText(), "1 of 2 is under 90 %");
        }
    }

    @Test
    void aReconnectingClientGetsTheCurrentStateFirst() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String caseId;
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            caseId = openCase(publisher, team);
        }
        await().atMost(PUSH).untilAsserted(() -> given().auth().preemptive().basic("duty", "duty")
                .queryParam("team", team).get("/queue").then().body("caseId", hasItem(caseId)));
        for (int connection = 0; connection < 2; connection++) {
            try (BoardWatcher watcher = new BoardWatcher(base, team, "duty")) {
                JsonNode first = watcher.next(PUSH);
                assertTrue(BoardWatcher.queueHas(caseId).test(first), "the first event is the current state");
            }
        }
    }

    @Test
    void everyTeamWithoutATeamFilter() throws Exception {
        String team = "team-" + UUID.randomUUID();
        try (BoardWatcher watcher = new BoardWatcher(base, null, "worker");
                EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            assertTrue(watcher.next(PUSH).path("team").isNull());
            String caseId = openCase(publisher, team);
            watcher.until(BoardWatcher.queueHas(caseId), PUSH);
        }
    }

    @Test
    void theStreamNeedsASignedInUserAndAValidTeam() throws Exception {
        given().accept("text/event-stream").get("/queue/stream").then().statusCode(401);
        given().auth().preemptive().basic("duty", "duty").accept("text/event-stream")
                .queryParam("team", "x".repeat(65)).get("/queue/stream").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theBoardPageIsServedToSignedInUsersOnly() {
        given().get("/").then().statusCode(401);
        given().auth().preemptive().basic("duty", "duty").get("/").then().statusCode(200)
                .contentType(ContentType.HTML).body("html.head.title", equalTo("Duty board · Front Door"));
        given().auth().preemptive().basic("duty", "duty").get("/board.js").then().statusCode(200);
    }
}
