package org.frontdoor.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.EventTypes;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.metrics.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md §4: a user whose identity names teams sees only those. The dev user {@code north} belongs to
 * the north team (as a token's {@code teams} claim would say); analyst is not restricted.
 */
@QuarkusTest
class TeamScopeTest {

    /** A week no other test uses, so the counts are this test's own. */
    private static final String WEEK = "from=2019-06-03&to=2019-06-07";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aUserOfOneTeamSeesThatTeamsNumbersAndIsRefusedAnotherTeam() throws Exception {
        String otherTeam = "team-" + UUID.randomUUID();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            for (String team : new String[] { "north", otherTeam, otherTeam }) {
                TestEvents.Contact contact = TestEvents.Contact.of(team, "6", "2019-06-04T09:00:00Z", "2019-06-05");
                publisher.publish(EventTypes.CONTACT_RECEIVED, contact.id(), contact.childRef(), contact.received());
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(2, contacts("analyst",
                WEEK + "&team=" + otherTeam)));

        // No team asked: the north user gets the north team's figures, exactly what analyst gets for north.
        String north = given().auth().preemptive().basic("north", "north").when().get("/indicators?" + WEEK)
                .then().statusCode(200).extract().asString();
        String analystNorth = given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators?" + WEEK + "&team=north").then().statusCode(200).extract().asString();
        assertEquals(analystNorth, north);
        assertEquals(contacts("north", WEEK + "&team=north"), contacts("north", WEEK));

        // Another team, by name, anywhere: a 403 problem that says which teams the account sees.
        for (String path : new String[] { "/indicators?" + WEEK + "&team=" + otherTeam,
                "/indicators/CONTACTS?" + WEEK + "&team=" + otherTeam,
                "/indicators/CONTACTS/items?" + WEEK + "&team=" + otherTeam,
                "/indicators/UNALLOCATED/at-risk?team=" + otherTeam }) {
            given().auth().preemptive().basic("north", "north").when().get(path)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403)).body("detail", containsString("north"));
        }
        // The whole-authority inspection lists are not for a one-team account.
        given().auth().preemptive().basic("north", "north").when().get("/exports/annex-a/list-1.csv?" + WEEK)
                .then().statusCode(403).contentType("application/problem+json");
        // Items without a team: only the north team's.
        given().auth().preemptive().basic("north", "north").when().get("/indicators/CONTACTS/items?" + WEEK)
                .then().statusCode(200).header("X-Total-Count", String.valueOf(contacts("analyst",
                        WEEK + "&team=north")));
    }

    private static long contacts(String user, String query) {
        return given().auth().preemptive().basic(user, user).when().get("/indicators/CONTACTS?" + query)
                .then().statusCode(200).extract().jsonPath().getLong("numerator");
    }
}
