package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactResourceTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String contactJson(String childRef, String source) {
        return """
                {"childRef": "%s", "receivedAt": "2024-03-04T09:15:00Z", "source": "%s", "channel": "PHONE",
                 "outOfHours": false, "team": "north", "concerns": ["21A"],
                 "child": {"birthMonth": "2015-06", "gender": "1", "ethnicity": "WBRI"}}
                """.formatted(childRef, source);
    }

    static ValidatableResponse post(String user, String path, String body) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON).body(body)
                .when().post(path).then();
    }

    @Test
    void aContactIsRecordedAndItsEventPublished() {
        String childRef = "child-" + UUID.randomUUID();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            String id = post("worker", "/contacts", contactJson(childRef, "6"))
                    .statusCode(201)
                    .header("Location", startsWith("http"))
                    .body("status", equalTo("AWAITING_DECISION"))
                    // Monday 4 March 2024 + 1 working day
                    .body("decisionDueBy", equalTo("2024-03-05"))
                    .body("child.birthMonth", equalTo("2015-06"))
                    .extract().path("id");

            List<ConsumerRecord<String, String>> events = tap.await(
                    EventTap.withHeader(CloudEventHeaders.SUBJECT, id), 1, Duration.ofSeconds(10));
            ConsumerRecord<String, String> event = events.get(0);
            assertEquals(childRef, event.key());
            assertEquals(EventTypes.CONTACT_RECEIVED, EventTap.header(event, CloudEventHeaders.TYPE));
            assertEquals("1.0", EventTap.header(event, CloudEventHeaders.SPECVERSION));
            assertEquals("application/json", EventTap.header(event, CloudEventHeaders.CONTENT_TYPE));
            assertEquals(EventTypes.SOURCE_REFERRAL, EventTap.header(event, CloudEventHeaders.SOURCE));
        }
    }

    @Test
    void aReferralDecisionOpensACaseAndEmitsBothEvents() {
        String childRef = "child-" + UUID.randomUUID();
        String id = post("worker", "/contacts", contactJson(childRef, "2A")).statusCode(201).extract().path("id");
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            String caseId = post("duty", "/contacts/" + id + "/decision", """
                    {"outcome": "REFERRAL", "decidedAt": "2024-03-05T10:00:00Z", "rationale": "Threshold met"}
                    """)
                    .statusCode(200)
                    .body("status", equalTo("DECIDED"))
                    .body("decision.outcome", equalTo("REFERRAL"))
                    .body("decision.decidedBy", equalTo("duty"))
                    .body("caseId", notNullValue())
                    .extract().path("caseId");

            List<ConsumerRecord<String, String>> events = tap.await(record -> childRef.equals(record.key()), 2,
                    Duration.ofSeconds(10));
            assertEquals(EventTypes.CONTACT_DECIDED, EventTap.header(events.get(0), CloudEventHeaders.TYPE));
            assertEquals(EventTypes.CASE_OPENED, EventTap.header(events.get(1), CloudEventHeaders.TYPE));
            assertEquals(caseId, EventTap.header(events.get(1), CloudEventHeaders.SUBJECT));
            // The rationale text never leaves the service.
            assertEquals(false, events.get(0).value().contains("Threshold met"));
            assertEquals(true, events.get(0).value().contains("\"rationaleRecorded\":true"));
        }
        given().auth().preemptive().basic("analyst", "analyst").get("/contacts/" + id).then()
                .statusCode(200).body("decision.rationale", equalTo("Threshold met"));
    }

    @Test
    void aContactIsDecidedOnlyOnce() {
        String id = post("worker", "/contacts", contactJson("child-" + UUID.randomUUID(), "6")).statusCode(201)
                .extract().path("id");
        String decision = """
                {"outcome": "NO_FURTHER_ACTION", "decidedAt": "2024-03-04T11:00:00Z", "rationale": "No concerns"}
                """;
        post("duty", "/contacts/" + id + "/decision", decision).statusCode(200);
        post("duty", "/contacts/" + id + "/decision", decision)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", org.hamcrest.Matchers.containsString("already been decided"));
    }

    @Test
    void aSecondReferralForAChildWithAnOpenCaseIsRefused() {
        String childRef = "child-" + UUID.randomUUID();
        String first = post("worker", "/contacts", contactJson(childRef, "6")).extract().path("id");
        post("duty", "/contacts/" + first + "/decision", """
                {"outcome": "REFERRAL", "decidedAt": "2024-03-04T12:00:00Z", "rationale": "Threshold met"}
                """).statusCode(200);
        String second = post("worker", "/contacts", contactJson(childRef, "3A")).extract().path("id");
        post("duty", "/contacts/" + second + "/decision", """
                {"outcome": "REFERRAL", "decidedAt": "2024-03-04T13:00:00Z", "rationale": "Again"}
                """).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("PASSED_TO_OPEN_CASE"));
        post("duty", "/contacts/" + second + "/decision", """
                {"outcome": "PASSED_TO_OPEN_CASE", "decidedAt": "2024-03-04T13:00:00Z", "rationale": "Open case"}
                """).statusCode(200).body("caseId", notNullValue());
    }

    @Test
    void anUnknownContactIs404() {
        given().auth().preemptive().basic("duty", "duty").get("/contacts/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        post("duty", "/contacts/" + UUID.randomUUID() + "/decision", """
                {"outcome": "EARLY_HELP", "rationale": "x"}
                """).statusCode(404);
    }

    @Test
    void withoutCredentialsTheAnswerIs401AndTheWrongRoleIs403() {
        given().contentType(ContentType.JSON).body(contactJson("c", "6")).post("/contacts").then().statusCode(401);
        post("analyst", "/contacts", contactJson("c", "6")).statusCode(403);
        post("worker", "/contacts/" + UUID.randomUUID() + "/decision", "{\"outcome\": \"REFERRAL\"}").statusCode(403);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aBadSourceCodeIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        long contactsBefore = count("contact");
        long outboxBefore = count("outbox_event");
        post("worker", "/contacts", contactJson("child-x", "11"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("violations.field", hasItem("source"))
                .body("stackTrace", nullValue());
        assertEquals(contactsBefore, count("contact"));
        assertEquals(outboxBefore, count("outbox_event"));
    }

    private long count(String table) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
