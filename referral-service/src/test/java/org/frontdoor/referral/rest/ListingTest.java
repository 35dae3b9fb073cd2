package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists of contacts and cases: filters, oldest-first order, paging, and problems for bad parameters. */
@QuarkusTest
class ListingTest {

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    private static String contact(String team, String childRef, String receivedAt) {
        return as("worker").body("""
                {"childRef": "%s", "receivedAt": "%s", "source": "1A", "channel": "PORTAL", "outOfHours": true,
                 "team": "%s"}
                """.formatted(childRef, receivedAt, team)).post("/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void contactsAreListedOldestFirstWithFiltersAndPages() {
        String team = "team-" + UUID.randomUUID();
        String second = contact(team, "c-b", "2024-04-02T08:00:00Z");
        String first = contact(team, "c-a", "2024-04-01T08:00:00Z");
        String third = contact(team, "c-c", "2024-04-03T22:30:00Z");   // 23:30 London, still 3 April
        as("duty").body("{\"outcome\": \"EARLY_HELP\", \"decidedAt\": \"2024-04-03T09:00:00Z\", \"rationale\": \"x\"}")
                .post("/contacts/" + second + "/decision").then().statusCode(200);

        as("analyst").queryParam("team", team).get("/contacts").then().statusCode(200)
                .header("X-Total-Count", "3").body("id", contains(first, second, third));
        as("analyst").queryParam("team", team).queryParam("size", 2).get("/contacts").then()
                .body("id", contains(first, second)).header("Link", containsString("rel=\"next\""));
        as("analyst").queryParam("team", team).queryParam("size", 2).queryParam("page", 1).get("/contacts").then()
                .body("id", contains(third)).header("Link", containsString("rel=\"prev\""));
        as("analyst").queryParam("team", team).queryParam("status", "AWAITING_DECISION").get("/contacts").then()
                .body("id", contains(first, third));
        as("analyst").queryParam("team", team).queryParam("from", "2024-04-02").queryParam("to", "2024-04-03")
                .get("/contacts").then().body("id", contains(second, third));
        as("analyst").queryParam("team", team).queryParam("to", "2024-04-01").get("/contacts").then()
                .body("id", contains(first)).body("[0].decision", nullValue());
    }

    @Test
    void casesAreListedByTeamStatusAndChild() {
        String team = "team-" + UUID.randomUUID();
        String childRef = "child-" + UUID.randomUUID();
        String contactId = contact(team, childRef, "2024-04-01T08:00:00Z");
        String caseId = as("duty").body("{\"outcome\": \"REFERRAL\", \"decidedAt\": \"2024-04-01T09:00:00Z\", \"rationale\": \"x\"}")
                .post("/contacts/" + contactId + "/decision").then().statusCode(200).extract().path("caseId");
        as("worker").queryParam("team", team).get("/cases").then().statusCode(200).header("X-Total-Count", "1")
                .body("id", contains(caseId)).body("[0].timeline", nullValue());
        as("worker").queryParam("childRef", childRef).queryParam("status", "OPEN").get("/cases").then()
                .body("id", contains(caseId));
        as("worker").queryParam("team", team).queryParam("status", "CLOSED").get("/cases").then().body("", hasSize(0));
        as("worker").get("/cases/" + caseId).then().statusCode(200).body("timeline[0].step", equalTo("REFERRAL"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "from, 2024-13-01", "to, yesterday", "size, 0", "size, 501", "size, ten", "page, -1",
            "status, SOMETIMES" })
    void badListParametersAreProblemsNamingThem(String parameter, String value) {
        as("analyst").queryParam(parameter, value).get("/contacts").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem(parameter));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        as("analyst").queryParam("from", "2024-05-01").queryParam("to", "2024-04-01").get("/contacts").then()
                .statusCode(400).body("violations.field", hasItem("from"));
        as("analyst").queryParam("status", "SHUT").get("/cases").then().statusCode(400)
                .body("violations.field", hasItem("status"));
    }
}
