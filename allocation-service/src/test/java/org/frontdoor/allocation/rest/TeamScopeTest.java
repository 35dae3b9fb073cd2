package org.frontdoor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.EventTypes;
import org.frontdoor.localstack.EventPublisher;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md §4: a user whose identity names teams sees only those. The dev user {@code north} (duty manager
 * of the north team) sees the north queue, workers and alerts, and meets another team's case and worker as things
 * that do not exist.
 */
@QuarkusTest
class TeamScopeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static ValidatableResponse putWorker(String user, String workerId, String team) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Worker %s", "team": "%s", "fte": 1.0, "caseHolding": true}
                        """.formatted(workerId, team))
                .put("/workers/" + workerId).then();
    }

    private static ValidatableResponse get(String user, String path) {
        return given().auth().preemptive().basic(user, user).get(path).then();
    }

    @Test
    void aUserOfOneTeamSeesOnlyItsQueueAndCannotAllocateAnotherTeamsCase() {
        String otherTeam = "team-" + UUID.randomUUID();
        String theirWorker = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker("admin", theirWorker, otherTeam).statusCode(201);
        String caseId = UUID.randomUUID().toString();
        Instant openedAt = Instant.now().minusSeconds(60);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish(EventTypes.CASE_OPENED, caseId, "child-" + caseId, """
                    {"caseId": "%s", "childRef": "child-%s", "contactId": "%s", "occurredAt": "%s",
                     "referralDate": "%s", "team": "%s", "source": "6", "reReferral": false,
                     "referralsInPrevious12Months": 0}
                    """.formatted(caseId, caseId, UUID.randomUUID(), openedAt, WorkingCalendar.londonDate(openedAt),
                    otherTeam));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> get("duty", "/queue?team=" + otherTeam)
                .statusCode(200).body("caseId", hasItem(caseId)));

        // Lists without a team are the user's team; another team by name is a 403 problem.
        get("north", "/queue").statusCode(200).body("team", everyItem(equalTo("north")));
        get("north", "/workers").statusCode(200).body("team", everyItem(equalTo("north")));
        get("north", "/alerts").statusCode(200).body("team", everyItem(equalTo("north")));
        for (String path : new String[] { "/queue?team=", "/workers?team=", "/alerts?team=" }) {
            get("north", path + otherTeam).statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("north"));
        }
        // Another team's case and worker do not exist for this user, and nothing changes.
        given().auth().preemptive().basic("north", "north").contentType(ContentType.JSON)
                .body("{\"workerId\": \"" + theirWorker + "\"}").post("/cases/" + caseId + "/allocation").then()
                .statusCode(404);
        given().auth().preemptive().basic("north", "north").delete("/cases/" + caseId + "/allocation").then()
                .statusCode(404);
        get("duty", "/queue?team=" + otherTeam).body("caseId", hasItem(caseId));
        putWorker("north", "sw-" + UUID.randomUUID().toString().substring(0, 8), otherTeam).statusCode(403);
    }
}
