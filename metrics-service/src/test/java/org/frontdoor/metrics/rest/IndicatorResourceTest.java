package org.frontdoor.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.metrics.IndicatorClient.assertIndicator;
import static org.frontdoor.metrics.IndicatorClient.indicators;
import static org.frontdoor.metrics.PrometheusScrape.value;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.EventTypes;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.metrics.TestEvents;
import org.frontdoor.metrics.domain.CaseFact;
import org.frontdoor.metrics.repository.CaseFactRepository;
import org.junit.jupiter.api.Test;

/** What performance staff see on {@code GET /indicators} after real events crossed Kafka, and who may see it. */
@QuarkusTest
class IndicatorResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Inject
    CaseFactRepository caseFacts;

    @Test
    void eventsFromBothTopicsBecomeIndicatorsCountedInTheirCompletionPeriod() throws Exception {
        String team = "team-" + UUID.randomUUID();
        // Three contacts received on Monday 4 March 2024.
        TestEvents.Contact referred = TestEvents.Contact.of(team, "2A", "2024-03-04T09:00:00Z", "2024-03-05");
        TestEvents.Contact late = TestEvents.Contact.of(team, "6", "2024-03-04T10:00:00Z", "2024-03-05");
        TestEvents.Contact waiting = TestEvents.Contact.of(team, "6", "2024-03-04T11:00:00Z", "2024-03-05");
        String caseId = UUID.randomUUID().toString();
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            for (TestEvents.Contact contact : new TestEvents.Contact[] { referred, late, waiting }) {
                publisher.publish(EventTypes.CONTACT_RECEIVED, contact.id(), contact.childRef(), contact.received());
            }
            // Decided as a referral the next day (1 WD: in time), and as no further action two WD later (late).
            publisher.publish(EventTypes.CONTACT_DECIDED, referred.id(), referred.childRef(),
                    referred.decided("REFERRAL", "2024-03-05T10:00:00Z", true, 1, caseId));
            publisher.publish(EventTypes.CASE_OPENED, caseId, referred.childRef(),
                    referred.caseOpened(caseId, "2024-03-05T10:00:00Z", "2024-03-05", 1));
            publisher.publish(EventTypes.CONTACT_DECIDED, late.id(), late.childRef(),
                    late.decided("NO_FURTHER_ACTION", "2024-03-06T15:00:00Z", false, 2, null));
            publisher.publish(EventTypes.CASE_ALLOCATED, caseId, referred.childRef(),
                    TestEvents.caseAllocated(caseId, referred.childRef(), "sw-1", team, "2024-03-06T09:00:00Z", null));
        }

        String week = "from=2024-03-04&to=2024-03-08&team=" + team;
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, JsonNode> indicators = indicators(week);
            assertIndicator(indicators, "CONTACTS", 3, null, "3");
            assertIndicator(indicators, "CONTACT_DECISION_TIMELINESS", 1, 2L, "50.0");
            assertIndicator(indicators, "CONTACT_CONVERSION", 1, 2L, "50.0");
            assertIndicator(indicators, "DECISION_RATIONALE", 1, 2L, "50.0");
            assertIndicator(indicators, "REFERRALS", 1, null, "1");
            assertIndicator(indicators, "RE_REFERRALS", 1, 1L, "100.0");
        });
        Map<String, JsonNode> week2010 = indicators(week + "&ruleSet=wt2010");
        assertIndicator(week2010, "CONTACT_DECISION_TIMELINESS", 1, 2L, "50.0");

        // Decisions count when they are made, receipts when they arrive.
        Map<String, JsonNode> decisionDays = indicators("from=2024-03-05&to=2024-03-06&team=" + team);
        assertIndicator(decisionDays, "CONTACTS", 0, null, "0");
        assertIndicator(decisionDays, "CONTACT_DECISION_TIMELINESS", 1, 2L, "50.0");
        assertIndicator(decisionDays, "REFERRALS", 1, null, "1");
        Map<String, JsonNode> receiptDay = indicators("from=2024-03-04&to=2024-03-04&team=" + team);
        assertIndicator(receiptDay, "CONTACTS", 3, null, "3");
        assertIndicator(receiptDay, "CONTACT_DECISION_TIMELINESS", 0, 0L, "null");
        assertIndicator(receiptDay, "RE_REFERRALS", 0, 0L, "null");

        // The police contacts only: one received and waiting, one decided late.
        Map<String, JsonNode> police = indicators(week + "&source=6");
        assertIndicator(police, "CONTACTS", 2, null, "2");
        assertIndicator(police, "CONTACT_DECISION_TIMELINESS", 0, 1L, "0.0");
        assertIndicator(police, "CONTACT_CONVERSION", 0, 1L, "0.0");
        assertIndicator(police, "REFERRALS", 0, null, "0");

        CaseFact referral = QuarkusTransaction.requiringNew().call(() -> caseFacts.findById(UUID.fromString(caseId)));
        assertEquals(referred.id(), referral.contactId().toString());
        assertEquals(LocalDate.parse("2024-03-05"), referral.referralDate());
        assertEquals(1, referral.referralsInPrevious12Months());
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals("sw-1 2024-03-06 null", allocationOf(caseId)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertEquals(3.0, value("frontdoor_contacts_received_total{channel=\"PHONE\",team=\"" + team + "\"}"));
            assertEquals(1.0, value("frontdoor_contacts_decided_total{outcome=\"REFERRAL\",team=\"" + team + "\"}"));
            assertEquals(1.0, value("frontdoor_contacts_decided_total{outcome=\"NO_FURTHER_ACTION\",team=\"" + team
                    + "\"}"));
            assertEquals(1.0, value("frontdoor_cases_opened_total{team=\"" + team + "\"}"));
        });
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(1.0,
                value("frontdoor_contacts_awaiting_decision{team=\"" + team + "\"}"),
                "the waiting contact shows on the gauge"));
    }

    @Test
    void everyIndicatorIsAnsweredInDomainOrderForTheDefaultPeriod() {
        given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators")
                .then().statusCode(200)
                .body("code", contains("CONTACTS", "CONTACT_DECISION_TIMELINESS", "CONTACT_CONVERSION",
                        "DECISION_RATIONALE", "REFERRALS", "RE_REFERRALS", "REFERRAL_NFA", "ALLOCATION_TIMELINESS",
                        "UNALLOCATED", "CASELOAD", "ASSESSMENT_TIMELINESS", "ASSESSMENTS_OVERDUE", "S47_TO_ICPC",
                        "ICPC_TIMELINESS", "ICPC_TO_PLAN", "REPEAT_CP_PLANS", "CP_PLANS_2_YEARS"))
                .body("unit", contains("count", "percent", "percent", "percent", "count", "percent", "percent",
                        "percent", "count", "cases per FTE", "percent", "count", "percent", "percent", "percent",
                        "percent", "percent"))
                .body("title", everyItem(notNullValue()));
        given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/indicators"), containsString("the month ending today"));
    }

    @Test
    void aMalformedDateIsAProblemNamingTheParameter() {
        given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators?from=2024-13-01&to=2024-03-31")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("violations.field", hasItem("from"));
        badRequest("from=2024-03-01&to=2024-02-30", "to");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsAProblem() {
        badRequest("from=2024-03-10&to=2024-03-01", "from");
    }

    @Test
    void anUnknownRuleSetSourceOrTeamIsAProblem() {
        badRequest("ruleSet=WT1999", "ruleSet");
        badRequest("source=11", "source");
        badRequest("team=" + "x".repeat(65), "team");
    }

    @Test
    void onlyPerformanceStaffManagersAndAdminsMayReadIndicators() {
        given().when().get("/indicators").then().statusCode(401);
        given().auth().preemptive().basic("worker", "worker").when().get("/indicators").then().statusCode(403);
        for (String user : new String[] { "analyst", "duty", "admin" }) {
            given().auth().preemptive().basic(user, user).when().get("/indicators").then().statusCode(200);
        }
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    private static void badRequest(String query, String field) {
        given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private String allocationOf(String caseId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT worker_id, allocated_date, previous_worker_id FROM allocation_fact "
                                + "WHERE case_id = ?")) {
            statement.setObject(1, UUID.fromString(caseId));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) : "none";
            }
        }
    }
}
