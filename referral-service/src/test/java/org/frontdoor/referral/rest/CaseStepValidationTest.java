package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad case-step requests: a 400 problem naming the field, never a 5xx, nothing written, nothing published. */
@QuarkusTest
class CaseStepValidationTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String caseId;
    private String childRef;

    @BeforeEach
    void openACase() {
        childRef = "child-" + UUID.randomUUID();
        String contactId = given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON).body("""
                {"childRef": "%s", "receivedAt": "2024-03-04T09:00:00Z", "source": "6", "channel": "PHONE",
                 "outOfHours": false, "team": "west"}
                """.formatted(childRef)).post("/contacts").then().statusCode(201).extract().path("id");
        caseId = given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON).body("""
                {"outcome": "REFERRAL", "decidedAt": "2024-03-04T10:00:00Z", "rationale": "x"}
                """).post("/contacts/" + contactId + "/decision").then().statusCode(200).extract().path("caseId");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "assessments                          | {\"kind\": \"FULL\"}                                          | kind",
            "assessments                          | {\"startedAt\": \"03/05/2024\"}                              | startedAt",
            "assessments                          | {\"startedAt\": \"2999-01-01T00:00:00Z\"}                    | startedAt",
            "assessments                          | {\"startedAt\": \"1990-01-01T00:00:00Z\"}                    | startedAt",
            "assessments                          | {\"kind\": \"SINGLE\", \"notes\": \"about the family\"}        | notes",
            "strategy-discussions                 | {}                                                           | section47Initiated",
            "strategy-discussions                 | {\"section47Initiated\": \"yes\"}                            | section47Initiated",
            "strategy-discussions                 | {\"section47Initiated\": 1}                                  | section47Initiated",
            "section47-enquiries                  | {}                                                           | strategyDiscussionId",
            "section47-enquiries                  | {\"strategyDiscussionId\": \"not-a-uuid\"}                   | strategyDiscussionId",
            "conferences                          | {\"outcome\": \"CP_PLAN\"}                                   | kind",
            "conferences                          | {\"kind\": \"INITIAL\"}                                      | outcome",
            "conferences                          | {\"kind\": \"FINAL\", \"outcome\": \"CP_PLAN\"}              | kind",
            "conferences                          | {\"kind\": \"INITIAL\", \"outcome\": \"CP_PLAN\", \"transferIn\": true, \"category\": \"XXX\"} | category",
            "conferences                          | {\"kind\": \"INITIAL\", \"outcome\": \"CP_PLAN\", \"transferIn\": true} | category",
            "conferences                          | {\"kind\": \"INITIAL\", \"outcome\": \"NO_PLAN\", \"transferIn\": true, \"section47EnquiryId\": \"00000000-0000-0000-0000-000000000001\"} | section47EnquiryId",
            "cp-plan/end                          | {\"endedAt\": 12}                                            | endedAt",
            "closure                              | {}                                                           | reason",
            "closure                              | {\"reason\": \"RC10\"}                                       | reason",
            "closure                              | {\"reason\": \"rc1\"}                                        | reason",
            "closure                              | {\"reason\": \"RC1\", \"closedAt\": \"tomorrow\"}            | closedAt",
    })
    void aBadFieldIsNamedAndNothingChanges(String step, String body, String field) throws Exception {
        long before = rows();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON).body(body)
                    .post("/cases/" + caseId + "/" + step).then()
                    .statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("violations.field", hasItem(field));
            assertEquals(before, rows());
            assertEquals(0, tap.drain(Duration.ofMillis(300)).stream().filter(r -> childRef.equals(r.key())).count());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/assessments/not-a-uuid/completion | {\"outcome\": \"OTHER\"}",
            "/section47-enquiries/0/completion  | {\"outcome\": \"NO_ICPC\"}",
    })
    void aMalformedIdInThePathIsNotFound(String path, String body) throws Exception {
        long before = rows();
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON).body(body)
                .post("/cases/" + caseId + path).then().statusCode(404).contentType("application/problem+json");
        assertEquals(before, rows());
    }

    private long rows() throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM assessment) + (SELECT count(*) FROM strategy_discussion)
                             + (SELECT count(*) FROM section47_enquiry) + (SELECT count(*) FROM conference)
                             + (SELECT count(*) FROM cp_plan) + (SELECT count(*) FROM outbox_event)
                             + (SELECT count(*) FROM social_care_case WHERE status = 'CLOSED')
                        """)) {
            result.next();
            return result.getLong(1);
        }
    }
}
