package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.frontdoor.referral.rest.ContactResourceTest.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md §4: a user whose identity names teams sees only those. The dev user {@code north} (duty manager
 * of the north team) meets a contact and a case of another team as things that do not exist, cannot record one for
 * another team, and lists only the north team's.
 */
@QuarkusTest
class TeamScopeTest {

    private static String contact(String team) {
        return """
                {"childRef": "child-%s", "receivedAt": "2024-03-04T09:15:00Z", "source": "6", "channel": "PHONE",
                 "outOfHours": false, "team": "%s"}
                """.formatted(UUID.randomUUID(), team);
    }

    @Test
    void aUserOfOneTeamNeitherSeesNorChangesAnotherTeamsContactsAndCases() {
        String otherTeam = "team-" + UUID.randomUUID();
        String theirs = post("duty", "/contacts", contact(otherTeam)).statusCode(201).extract().path("id");
        String decision = """
                {"outcome": "REFERRAL", "decidedAt": "2024-03-04T14:30:00Z", "rationale": "Threshold met."}
                """;
        String theirCase = post("duty", "/contacts/" + theirs + "/decision", decision).statusCode(200)
                .extract().path("caseId");
        String other = post("duty", "/contacts", contact(otherTeam)).statusCode(201).extract().path("id");

        // Another team's contact and case: not found, and a decision on it changes nothing.
        given().auth().preemptive().basic("north", "north").get("/contacts/" + other).then().statusCode(404)
                .contentType("application/problem+json");
        post("north", "/contacts/" + other + "/decision", decision).statusCode(404);
        given().auth().preemptive().basic("duty", "duty").get("/contacts/" + other).then().statusCode(200)
                .body("status", equalTo("AWAITING_DECISION"));
        given().auth().preemptive().basic("north", "north").get("/cases/" + theirCase).then().statusCode(404);
        post("north", "/cases/" + theirCase + "/closure", """
                {"closedAt": "2024-03-05T10:00:00Z", "reason": "RC8"}
                """).statusCode(404);
        given().auth().preemptive().basic("duty", "duty").get("/cases/" + theirCase).then().statusCode(200)
                .body("status", equalTo("OPEN"));

        // Recording a contact for another team is refused with a problem naming the user's teams.
        post("north", "/contacts", contact(otherTeam)).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("north"));
        String mine = post("north", "/contacts", contact("north")).statusCode(201).extract().path("id");
        given().auth().preemptive().basic("north", "north").get("/contacts/" + mine).then().statusCode(200);

        // Lists: without a team, the user's team; another team by name, a 403.
        given().auth().preemptive().basic("north", "north").get("/contacts?size=500").then().statusCode(200)
                .body("team", everyItem(equalTo("north")));
        given().auth().preemptive().basic("north", "north").get("/cases?size=500").then().statusCode(200)
                .body("team", everyItem(equalTo("north")));
        given().auth().preemptive().basic("north", "north").get("/contacts?team=" + otherTeam).then()
                .statusCode(403);
        given().auth().preemptive().basic("north", "north").get("/cases?team=" + otherTeam).then().statusCode(403);
    }
}
