package org.frontdoor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.allocation.domain.Alert;
import org.frontdoor.allocation.domain.AlertCondition;
import org.frontdoor.allocation.domain.AwaitingContact;
import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.repository.AlertRepository;
import org.frontdoor.allocation.repository.AwaitingContactRepository;
import org.frontdoor.allocation.repository.CaseRepository;
import org.frontdoor.allocation.service.AlertService;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AlertKind;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.ContractValidator;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Test;

/**
 * Alerts against the real broker and database: raised from referral events and the clock, resolved by allocation,
 * published on the allocation topic, listed by {@code GET /alerts}, and never raised twice.
 */
@QuarkusTest
class AlertFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    AlertService alertService;
    @Inject
    AlertRepository alertRows;
    @Inject
    CaseRepository caseRows;
    @Inject
    AwaitingContactRepository contactRows;
    @Inject
    WorkingCalendar calendar;

    private LocalDate workingDaysAgo(int days) {
        LocalDate today = WorkingCalendar.londonDate(Instant.now());
        LocalDate date = today;
        while (calendar.workingDaysBetween(date, today) < days) {
            date = date.minusDays(1);
        }
        return date;
    }

    private static Instant noonOn(LocalDate date) {
        return date.atTime(LocalTime.NOON).atZone(WorkingCalendar.LONDON).toInstant();
    }

    private static String openCase(EventPublisher publisher, String team, String childRef, Instant openedAt) {
        String caseId = UUID.randomUUID().toString();
        publisher.publish(EventTypes.CASE_OPENED, caseId, childRef, """
                {"caseId": "%s", "childRef": "%s", "contactId": "%s", "occurredAt": "%s",
                 "referralDate": "%s", "team": "%s", "source": "6", "reReferral": false,
                 "referralsInPrevious12Months": 0}
                """.formatted(caseId, childRef, UUID.randomUUID(), openedAt, WorkingCalendar.londonDate(openedAt),
                team));
        return caseId;
    }

    private static void putWorker(String workerId, String team, String fte, String threshold) {
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("""
                        {"displayName": "Worker %s", "team": "%s", "fte": %s, "caseHolding": true%s}
                        """.formatted(workerId, team, fte,
                        threshold == null ? "" : ", \"caseloadThreshold\": " + threshold))
                .put("/workers/" + workerId).then().statusCode(201);
    }

    private static ValidatableResponse allocate(String caseId, String workerId, String overrideReason) {
        return given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                .body(overrideReason == null ? "{\"workerId\": \"" + workerId + "\"}"
                        : "{\"workerId\": \"" + workerId + "\", \"overrideReason\": \"" + overrideReason + "\"}")
                .post("/cases/" + caseId + "/allocation").then();
    }

    private static ValidatableResponse alerts(String state, String team) {
        RequestSpecification request = given().auth().preemptive().basic("duty", "duty").queryParam("team", team);
        return (state == null ? request : request.queryParam("state", state)).get("/alerts").then().statusCode(200);
    }

    private static ValidatableResponse queue(String team) {
        return given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/queue").then();
    }

    private static Predicate<ConsumerRecord<String, String>> event(String type, String subject) {
        return EventTap.withHeader(CloudEventHeaders.TYPE, type).and(EventTap.withHeader(CloudEventHeaders.SUBJECT,
                subject));
    }

    private static void assertContract(ConsumerRecord<String, String> record) {
        String type = EventTap.header(record, CloudEventHeaders.TYPE);
        assertEquals(List.of(), ContractValidator.validateData(type, record.value()), type);
        assertEquals(EventTypes.SOURCE_ALLOCATION, EventTap.header(record, CloudEventHeaders.SOURCE));
    }

    @Test
    void aCaseWaitingTenWorkingDaysRaisesOnceAndAllocatingItResolves() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String childRef = "child-" + UUID.randomUUID();
        putWorker(workerId, team, "1.0", null);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers);
                EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            String caseId = openCase(publisher, team, childRef, noonOn(workingDaysAgo(10)));

            await().atMost(WAIT).untilAsserted(() -> alerts("ACTIVE", team).body("", hasSize(1)));
            alerts("ACTIVE", team)
                    .body("[0].kind", equalTo("CASE_UNALLOCATED_TOO_LONG"))
                    .body("[0].subjectType", equalTo("CASE"))
                    .body("[0].subject", equalTo(caseId))
                    .body("[0].childRef", equalTo(childRef))
                    .body("[0].team", equalTo(team))
                    .body("[0].value", equalTo(10))
                    .body("[0].threshold", equalTo(5))
                    .body("[0].detail", containsString("10 working days"))
                    .body("[0].raisedAt", notNullValue())
                    .body("[0].resolvedAt", nullValue());
            ConsumerRecord<String, String> raised = tap.await(event(EventTypes.ALERT_RAISED, caseId), 1, WAIT).get(0);
            assertContract(raised);
            assertEquals(childRef, raised.key());

            // Evaluating again, as the timer or a restarted instance does, raises nothing new.
            alertService.evaluate();
            alertService.evaluate();
            given().auth().preemptive().basic("analyst", "analyst").queryParam("team", team).get("/alerts").then()
                    .statusCode(200).header("X-Total-Count", "1");

            allocate(caseId, workerId, null).statusCode(201);
            await().atMost(WAIT).untilAsserted(() -> alerts("RESOLVED", team).body("", hasSize(1)));
            alerts("ACTIVE", team).body("", empty());
            alerts("RESOLVED", team).body("[0].subject", equalTo(caseId)).body("[0].resolvedAt", notNullValue());
            ConsumerRecord<String, String> resolved = tap.await(event(EventTypes.ALERT_RESOLVED, caseId), 1, WAIT)
                    .get(0);
            assertContract(resolved);
            assertEquals(childRef, resolved.key());

            alertService.evaluate();
            List<ConsumerRecord<String, String>> seen = tap.drain(Duration.ofSeconds(2));
            assertEquals(1, seen.stream().filter(event(EventTypes.ALERT_RAISED, caseId)).count());
            assertEquals(1, seen.stream().filter(event(EventTypes.ALERT_RESOLVED, caseId)).count());
        }
    }

    @Test
    void anAlertRaisedBeforeARestartIsNotRaisedAgain() {
        String team = "team-" + UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        LocalDate since = workingDaysAgo(8);
        Instant raisedBefore = noonOn(workingDaysAgo(2));
        // The state a previous instance left behind: a waiting case and the alert it raised for it.
        UUID alertId = QuarkusTransaction.requiringNew().call(() -> {
            caseRows.persist(Case.opened(caseId, "child-" + caseId, team, since, noonOn(since)));
            Alert earlier = Alert.raise(new AlertCondition(AlertKind.CASE_UNALLOCATED_TOO_LONG, caseId.toString(),
                    team, "child-" + caseId, 6, 5, "Unallocated for 6 working days since " + since
                            + ", more than the limit of 5."), raisedBefore);
            alertRows.persist(earlier);
            return earlier.id();
        });
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            alertService.evaluate();
            alertService.evaluate();
            alerts(null, team).body("", hasSize(1))
                    .body("[0].id", equalTo(alertId.toString()))
                    .body("[0].raisedAt", equalTo(raisedBefore.toString()))
                    .body("[0].resolvedAt", nullValue());
            assertEquals(0, tap.drain(Duration.ofSeconds(2)).stream()
                    .filter(EventTap.withHeader(CloudEventHeaders.SUBJECT, caseId.toString())).count());
        }
    }

    @Test
    void aWorkerAtThresholdRaisesACaseloadAlertOnce() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team, "0.5", "2");   // red from 1 case
        try (EventPublisher publisher = new EventPublisher(bootstrapServers);
                EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            String first = openCase(publisher, team, "child-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
            String second = openCase(publisher, team, "child-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
            await().atMost(WAIT).untilAsserted(() -> queue(team).body("", hasSize(2)));
            alerts("ACTIVE", team).body("", empty());

            allocate(first, workerId, null).statusCode(201);
            await().atMost(WAIT).untilAsserted(() -> alerts("ACTIVE", team).body("", hasSize(1)));
            allocate(second, workerId, "Knows the family").statusCode(201);
            alertService.evaluate();
            alerts("ACTIVE", team).body("", hasSize(1))
                    .body("[0].kind", equalTo("CASELOAD_OVER_THRESHOLD"))
                    .body("[0].subjectType", equalTo("WORKER"))
                    .body("[0].subject", equalTo(workerId))
                    .body("[0].childRef", nullValue())
                    .body("[0].value", equalTo(1))
                    .body("[0].threshold", equalTo(1))
                    .body("[0].detail", equalTo(
                            "Holds 1 case at 0.5 FTE, 2 per FTE, at or over the threshold of 2 per FTE."));
            List<ConsumerRecord<String, String>> raised = tap.await(event(EventTypes.ALERT_RAISED, workerId), 1,
                    WAIT);
            assertContract(raised.get(0));
            assertEquals(workerId, raised.get(0).key());
            assertEquals(1, tap.drain(Duration.ofSeconds(2)).stream().filter(event(EventTypes.ALERT_RAISED, workerId))
                    .count());
        }
    }

    @Test
    void aQueueOfMoreThanTwentyRaisesAndFallingBackResolves() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team, "1.0", null);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers);
                EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            for (int i = 0; i < 20; i++) {
                openCase(publisher, team, "child-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
            }
            await().atMost(WAIT).untilAsserted(() -> queue(team).body("", hasSize(20)));
            alertService.evaluate();
            alerts("ACTIVE", team).body("", empty());

            String last = openCase(publisher, team, "child-" + UUID.randomUUID(), Instant.now().minusSeconds(60));
            await().atMost(WAIT).untilAsserted(() -> alerts("ACTIVE", team).body("", hasSize(1)));
            alerts("ACTIVE", team)
                    .body("[0].kind", equalTo("QUEUE_ABOVE_THRESHOLD"))
                    .body("[0].subjectType", equalTo("TEAM"))
                    .body("[0].subject", equalTo(team))
                    .body("[0].value", equalTo(21))
                    .body("[0].threshold", equalTo(20));
            ConsumerRecord<String, String> raised = tap.await(event(EventTypes.ALERT_RAISED, team), 1, WAIT).get(0);
            assertContract(raised);
            assertEquals(team, raised.key());
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("frontdoor_queue_unallocated{team=\"" + team + "\"} 21.0"))
                    .body(containsString("frontdoor_queue_oldest_wait_working_days{team=\"" + team + "\"} 0.0"))
                    .body(containsString("frontdoor_workers_over_threshold{team=\"" + team + "\"} 0.0"))
                    .body(containsString("frontdoor_alerts_active{kind=\"QUEUE_ABOVE_THRESHOLD\"}"));

            allocate(last, workerId, null).statusCode(201);
            await().atMost(WAIT).untilAsserted(() -> alerts("RESOLVED", team).body("", hasSize(1)));
            alerts("ACTIVE", team).body("", empty());
            assertContract(tap.await(event(EventTypes.ALERT_RESOLVED, team), 1, WAIT).get(0));
        }
    }

    @Test
    void aContactPastItsDecisionDateRaisesAndDecidingItResolves() {
        String team = "team-" + UUID.randomUUID();
        String contactId = UUID.randomUUID().toString();
        String childRef = "child-" + UUID.randomUUID();
        LocalDate due = workingDaysAgo(2);
        Instant receivedAt = noonOn(workingDaysAgo(3));
        try (EventPublisher publisher = new EventPublisher(bootstrapServers);
                EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS)) {
            publisher.publish(EventTypes.CONTACT_RECEIVED, contactId, childRef, """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "source": "6", "channel": "PHONE",
                     "outOfHours": false, "team": "%s", "contactGroup": null, "decisionDueBy": "%s",
                     "concerns": null, "child": null}
                    """.formatted(contactId, childRef, receivedAt, team, due));

            await().atMost(WAIT).untilAsserted(() -> alerts("ACTIVE", team).body("", hasSize(1)));
            alertService.evaluate();
            alerts("ACTIVE", team).body("", hasSize(1))
                    .body("[0].kind", equalTo("CONTACT_DECISION_OVERDUE"))
                    .body("[0].subjectType", equalTo("CONTACT"))
                    .body("[0].subject", equalTo(contactId))
                    .body("[0].childRef", equalTo(childRef))
                    .body("[0].value", equalTo(2))
                    .body("[0].threshold", equalTo(0))
                    .body("[0].detail", containsString("2 working days overdue"));
            ConsumerRecord<String, String> raised = tap.await(event(EventTypes.ALERT_RAISED, contactId), 1, WAIT)
                    .get(0);
            assertContract(raised);
            assertEquals(childRef, raised.key());

            publisher.publish(EventTypes.CONTACT_DECIDED, contactId, childRef, """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "receivedAt": "%s", "team": "%s",
                     "source": "6", "outcome": "NFA", "decidedBy": "tm-1", "rationaleRecorded": true,
                     "decisionDueBy": "%s", "workingDaysToDecision": 3, "caseId": null}
                    """.formatted(contactId, childRef, Instant.now(), receivedAt, team, due));
            await().atMost(WAIT).untilAsserted(() -> alerts("RESOLVED", team).body("", hasSize(1)));
            alerts("ACTIVE", team).body("", empty());
            assertContract(tap.await(event(EventTypes.ALERT_RESOLVED, contactId), 1, WAIT).get(0));
        }
    }

    @Test
    void aDecisionArrivingBeforeItsContactLeavesTheContactDecided() {
        String team = "team-" + UUID.randomUUID();
        String contactId = UUID.randomUUID().toString();
        String childRef = "child-" + UUID.randomUUID();
        LocalDate due = workingDaysAgo(2);
        Instant receivedAt = noonOn(workingDaysAgo(3));
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish(EventTypes.CONTACT_DECIDED, contactId, childRef, """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "receivedAt": "%s", "team": "%s",
                     "source": "6", "outcome": "NFA", "decidedBy": "tm-1", "rationaleRecorded": true,
                     "decisionDueBy": "%s", "workingDaysToDecision": 3, "caseId": null}
                    """.formatted(contactId, childRef, Instant.now(), receivedAt, team, due));
            publisher.publish(EventTypes.CONTACT_RECEIVED, contactId, childRef, """
                    {"contactId": "%s", "childRef": "%s", "occurredAt": "%s", "source": "6", "channel": "PHONE",
                     "outOfHours": false, "team": "%s", "contactGroup": null, "decisionDueBy": "%s",
                     "concerns": null, "child": null}
                    """.formatted(contactId, childRef, receivedAt, team, due));
            // A case for the same child follows on the same partition: once it is queued, both contact events are in.
            openCase(publisher, team, childRef, Instant.now().minusSeconds(60));
            await().atMost(WAIT).untilAsserted(() -> queue(team).body("", hasSize(1)));
            AwaitingContact contact = QuarkusTransaction.requiringNew()
                    .call(() -> contactRows.findById(UUID.fromString(contactId)));
            assertEquals(receivedAt, contact.receivedAt());
            assertEquals(due, contact.decisionDueBy());
            assertNotNull(contact.decidedAt());
            alertService.evaluate();
            alerts(null, team).body("", empty());
        }
    }

    @Test
    void alertsAreReadByManagersAnalystsAndAdminsOnly() {
        given().get("/alerts").then().statusCode(401);
        given().auth().preemptive().basic("worker", "worker").get("/alerts").then().statusCode(403);
        given().auth().preemptive().basic("analyst", "analyst").get("/alerts").then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin").queryParam("state", "RESOLVED").get("/alerts").then()
                .statusCode(200);
        given().auth().preemptive().basic("duty", "duty").queryParam("state", "FOO").get("/alerts").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("state"));
    }
}
