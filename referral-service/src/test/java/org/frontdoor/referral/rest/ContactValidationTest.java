package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad requests get an RFC 9457 problem naming the field, never a 5xx, and change nothing. */
@QuarkusTest
class ContactValidationTest {

    private static final String VALID = """
            {"childRef": "c-1", "receivedAt": "2024-03-04T09:15:00Z", "source": "6", "channel": "PHONE",
             "outOfHours": false, "team": "north", "child": {"birthMonth": "2015-06"}}""";

    @Inject
    DataSource dataSource;

    static String with(String field, String json) {
        return VALID.replaceFirst("\"" + field + "\": (\"[^\"]*\"|false|\\{[^}]*\\})", "\"" + field + "\": " + json);
    }

    static String without(String field) {
        return VALID.replaceFirst("\"" + field + "\": (\"[^\"]*\"|false|\\{[^}]*\\}),?\\s*", "");
    }

    private static ValidatableResponse postContact(String body) {
        return given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON).body(body)
                .post("/contacts").then();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "source 11 is not a census code      | source       | \"11\"",
            "source lower case                   | source       | \"6a\"",
            "unknown channel                     | channel      | \"FAX\"",
            "channel of the wrong type           | channel      | 3",
            "blank child reference               | childRef     | \"  \"",
            "child reference with spaces         | childRef     | \"Jane Smith\"",
            "child reference too long            | childRef     | \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
            "receivedAt is not a time            | receivedAt   | \"yesterday\"",
            "receivedAt without zone             | receivedAt   | \"2024-03-04 09:15\"",
            "receivedAt far in the future        | receivedAt   | \"2999-01-01T00:00:00Z\"",
            "receivedAt before 2000              | receivedAt   | \"1999-12-31T12:00:00Z\"",
            "outOfHours is not a boolean         | outOfHours   | \"sometimes\"",
            "team blank                          | team         | \"\"",
            "full date of birth instead of month | child        | {\"birthMonth\": \"2015-06-01\"}",
            "a name is not a field               | child        | {\"name\": \"Jane\"}",
            "month 13                            | child        | {\"birthMonth\": \"2015-13\"}",
    })
    void aBadFieldIsAProblemNamingIt(String why, String field, String json) throws Exception {
        long before = rows();
        postContact(with(field, json))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem(containsString(field)));
        assertEquals(before, rows(), why + " must change nothing");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({ "childRef", "source", "channel", "outOfHours", "team" })
    void aMissingRequiredFieldIsNamed(String field) throws Exception {
        long before = rows();
        postContact(without(field)).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        assertEquals(before, rows());
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblems() throws Exception {
        long before = rows();
        postContact("{\"childRef\": ").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        postContact(VALID.replace("{\"childRef\"", "{\"nhsNumber\": \"943 476 5919\", \"childRef\""))
                .statusCode(400).body("violations.field", hasItem("nhsNumber"));
        postContact("").statusCode(400).contentType("application/problem+json");
        postContact("[]").statusCode(400).contentType("application/problem+json");
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.TEXT).body("hello")
                .post("/contacts").then().statusCode(415).contentType("application/problem+json");
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                .body("{\"childRef\": \"" + "x".repeat(70_000) + "\"}").post("/contacts").then()
                .statusCode(lessThan(500)).statusCode(not(equalTo(201)));
        assertEquals(before, rows());
    }

    @Test
    void badDecisionsAreProblemsAndLeaveTheContactUndecided() throws Exception {
        String id = postContact(VALID).statusCode(201).extract().path("id");
        String decide = "/contacts/" + id + "/decision";
        long before = rows();
        for (String body : new String[] {
                "{\"outcome\": \"MAYBE\", \"rationale\": \"x\"}",
                "{\"rationale\": \"no outcome\"}",
                "{\"outcome\": \"EARLY_HELP\"}",
                "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"   \"}",
                "{\"outcome\": \"EARLY_HELP\", \"rationale\": \"x\", \"decidedAt\": \""
                        + Instant.now().plus(2, ChronoUnit.DAYS) + "\"}" }) {
            given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON).body(body).post(decide)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                .body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"x\", \"decidedAt\": \"2024-03-04T09:00:00Z\"}")
                .post(decide).then().statusCode(409).body("detail", containsString("before the contact was received"));
        given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                .body("{\"outcome\": \"EARLY_HELP\", \"rationale\": \"x\"}").post("/contacts/not-a-uuid/decision").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().preemptive().basic("duty", "duty").get("/contacts/" + id).then()
                .body("status", equalTo("AWAITING_DECISION"));
        assertEquals(before, rows());
    }

    @Test
    void theOpenApiDocumentIsThereForSignedInUsers() {
        given().get("/q/openapi").then().statusCode(401);
        given().auth().preemptive().basic("analyst", "analyst").get("/q/openapi").then().statusCode(200)
                .body(containsString("/contacts"));
        given().auth().preemptive().basic("analyst", "analyst").get("/no-such-thing/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }

    /** Rows of every table a request could write, so "changes nothing" covers the outbox too. */
    private long rows() throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM contact) + (SELECT count(*) FROM social_care_case)
                             + (SELECT count(*) FROM outbox_event)
                        """)) {
            result.next();
            return result.getLong(1);
        }
    }
}
