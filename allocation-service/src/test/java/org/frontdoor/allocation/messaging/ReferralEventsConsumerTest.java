package org.frontdoor.allocation.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.ConsumerGroups;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Test;

/** Delivery as it really happens on the broker: out of order, twice, broken; and allocations ahead of their case. */
@QuarkusTest
class ReferralEventsConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager entityManager;

    /** One case's events, in one team. */
    private record TestCase(String caseId, String childRef, String team, Instant openedAt) {

        static TestCase in(String team, String childRef, int minutesAfterBase) {
            return new TestCase(UUID.randomUUID().toString(), childRef, team, BASE.plusSeconds(60L * minutesAfterBase));
        }

        void opened(EventPublisher publisher) {
            publisher.publish(EventTypes.CASE_OPENED, caseId, childRef, """
                    {"caseId": "%s", "childRef": "%s", "contactId": "%s", "occurredAt": "%s",
                     "referralDate": "%s", "team": "%s", "source": "6", "reReferral": false,
                     "referralsInPrevious12Months": 0}
                    """.formatted(caseId, childRef, UUID.randomUUID(), openedAt, WorkingCalendar.londonDate(openedAt),
                    team));
        }

        void closed(EventPublisher publisher) {
            Instant closedAt = openedAt.plusSeconds(600);
            publisher.publish(EventTypes.CASE_CLOSED, caseId, childRef, """
                    {"caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s", "referralDate": "%s",
                     "closedDate": "%s", "reason": "RC8", "noFurtherStepAfterReferral": false}
                    """.formatted(caseId, childRef, team, closedAt, WorkingCalendar.londonDate(openedAt),
                    WorkingCalendar.londonDate(closedAt)));
        }
    }

    private static ValidatableResponse queue(String team) {
        return given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/queue").then()
                .statusCode(200);
    }

    private static List<Map<String, Object>> queueWithoutIds(String team) {
        List<Map<String, Object>> items = queue(team).extract().jsonPath().getList("");
        items.forEach(item -> item.remove("caseId"));
        return items;
    }

    private static void putWorker(String workerId, String team) {
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"displayName\": \"W\", \"team\": \"" + team + "\", \"fte\": 1.0, \"caseHolding\": true}")
                .put("/workers/" + workerId).then().statusCode(201);
    }

    @Test
    void eventsInAnyOrderConvergeToTheSameQueue() {
        String inOrder = "team-" + UUID.randomUUID();
        String reversed = "team-" + UUID.randomUUID();
        TestCase a1 = TestCase.in(inOrder, "child-q1", 0);
        TestCase a2 = TestCase.in(inOrder, "child-q2", 10);
        TestCase a3 = TestCase.in(inOrder, "child-q3", 20);
        TestCase b1 = TestCase.in(reversed, "child-q1", 0);
        TestCase b2 = TestCase.in(reversed, "child-q2", 10);
        TestCase b3 = TestCase.in(reversed, "child-q3", 20);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            a1.opened(publisher);
            a2.opened(publisher);
            a2.closed(publisher);
            a3.opened(publisher);
            // The same story delivered backwards, and the closure twice.
            b3.opened(publisher);
            b2.closed(publisher);
            b2.closed(publisher);
            b2.opened(publisher);
            b1.opened(publisher);
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertEquals(2, queueWithoutIds(inOrder).size());
            assertEquals(2, queueWithoutIds(reversed).size());
        });
        List<Map<String, Object>> expected = queueWithoutIds(inOrder);
        expected.forEach(item -> item.remove("team"));
        List<Map<String, Object>> actual = queueWithoutIds(reversed);
        actual.forEach(item -> item.remove("team"));
        assertEquals(expected, actual);
        assertEquals("child-q1", actual.get(0).get("childRef"));
        assertEquals("child-q3", actual.get(1).get("childRef"));
    }

    /**
     * Many stories at once, so that the consumer applies them in a few large batches (set-based): an opened case
     * closed in the same batch, a closure before its opening, every event delivered twice (same id, and again with a
     * new id), contacts decided before received and decided twice — the same end as one event at a time.
     */
    @Test
    void aBurstAppliedInLargeBatchesEndsAsOneByOne() {
        String team = "team-" + UUID.randomUUID();
        List<String> stillOpen = new java.util.ArrayList<>();
        List<String> contacts = new java.util.ArrayList<>();
        try (Burst burst = new Burst(bootstrapServers)) {
            for (int i = 0; i < 120; i++) {
                TestCase story = TestCase.in(team, "child-b" + i, i);
                String opened = """
                        {"caseId": "%s", "childRef": "%s", "occurredAt": "%s", "referralDate": "%s", "team": "%s"}
                        """.formatted(story.caseId(), story.childRef(), story.openedAt(),
                        WorkingCalendar.londonDate(story.openedAt()), team);
                String closed = """
                        {"caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s"}
                        """.formatted(story.caseId(), story.childRef(), team, story.openedAt().plusSeconds(600));
                String openedId = UUID.randomUUID().toString();
                switch (i % 3) {
                    case 0 -> { // opened, closed, both again
                        burst.send(openedId, EventTypes.CASE_OPENED, story.caseId(), story.childRef(), opened, BASE);
                        burst.send(EventTypes.CASE_CLOSED, story.caseId(), story.childRef(), closed, BASE);
                        burst.send(openedId, EventTypes.CASE_OPENED, story.caseId(), story.childRef(), opened, BASE);
                        burst.send(EventTypes.CASE_OPENED, story.caseId(), story.childRef(), opened, BASE);
                        burst.send(EventTypes.CASE_CLOSED, story.caseId(), story.childRef(), closed, BASE);
                    }
                    case 1 -> { // closed first, twice
                        burst.send(EventTypes.CASE_CLOSED, story.caseId(), story.childRef(), closed, BASE);
                        burst.send(EventTypes.CASE_CLOSED, story.caseId(), story.childRef(), closed, BASE);
                        burst.send(openedId, EventTypes.CASE_OPENED, story.caseId(), story.childRef(), opened, BASE);
                    }
                    default -> { // opened only, twice
                        burst.send(openedId, EventTypes.CASE_OPENED, story.caseId(), story.childRef(), opened, BASE);
                        burst.send(EventTypes.CASE_OPENED, story.caseId(), story.childRef(), opened, BASE);
                        stillOpen.add(story.childRef());
                    }
                }
                String contactId = UUID.randomUUID().toString();
                contacts.add(contactId);
                Instant receivedAt = story.openedAt();
                String due = WorkingCalendar.londonDate(receivedAt).plusDays(1).toString();
                String received = """
                        {"contactId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s", "decisionDueBy": "%s"}
                        """.formatted(contactId, story.childRef(), team, receivedAt, due);
                String decidedFirst = """
                        {"contactId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s", "receivedAt": "%s",
                         "decisionDueBy": "%s"}
                        """.formatted(contactId, story.childRef(), team, receivedAt.plusSeconds(60), receivedAt, due);
                String decidedLater = decidedFirst.replace(receivedAt.plusSeconds(60).toString(),
                        receivedAt.plusSeconds(120).toString());
                if (i % 2 == 0) {
                    burst.send(EventTypes.CONTACT_DECIDED, contactId, story.childRef(), decidedFirst, BASE);
                    burst.send(EventTypes.CONTACT_RECEIVED, contactId, story.childRef(), received, BASE);
                    burst.send(EventTypes.CONTACT_DECIDED, contactId, story.childRef(), decidedLater, BASE);
                } else {
                    burst.send(EventTypes.CONTACT_RECEIVED, contactId, story.childRef(), received, BASE);
                    burst.send(EventTypes.CONTACT_RECEIVED, contactId, story.childRef(), received, BASE);
                    burst.send(EventTypes.CONTACT_DECIDED, contactId, story.childRef(), decidedFirst, BASE);
                    burst.send(EventTypes.CONTACT_DECIDED, contactId, story.childRef(), decidedLater, BASE);
                }
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(stillOpen,
                queueWithoutIds(team).stream().map(item -> item.get("childRef")).toList()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<Object[]> rows = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createNativeQuery("SELECT received_at, EXTRACT(EPOCH FROM decided_at - received_at)"
                            + " FROM awaiting_contact WHERE team = ?1", Object[].class)
                    .setParameter(1, team).getResultList());
            assertEquals(contacts.size(), rows.size());
            for (Object[] row : rows) {
                assertNotNull(row[0]);
                assertNotNull(row[1], "every contact decided");
                assertEquals(60.0, ((Number) row[1]).doubleValue(), 0.001, "the first decision is kept");
            }
        });
    }

    @Test
    void anAllocationAheadOfItsCaseIsHeldAndAppliedWhenTheCaseArrives() {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String elsewhere = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        putWorker(workerId, team);
        putWorker(elsewhere, "elsewhere-" + team);
        TestCase early = TestCase.in(team, "child-held", 0);
        TestCase refused = TestCase.in(team, "child-refused", 1);

        given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                .body("{\"workerId\": \"" + workerId + "\", \"allocatedAt\": \"" + early.openedAt().plusSeconds(60) + "\"}")
                .post("/cases/" + early.caseId() + "/allocation").then().statusCode(202)
                .body("status", equalTo("HELD")).body("workerId", equalTo(workerId))
                .body("detail", containsString("applied when it arrives"));
        // A held allocation the rules refuse once the case is known (another team's worker) is dropped.
        given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                .body("{\"workerId\": \"" + elsewhere + "\"}")
                .post("/cases/" + refused.caseId() + "/allocation").then().statusCode(202);

        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.ALLOCATION_EVENTS);
                EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            early.opened(publisher);
            refused.opened(publisher);
            List<ConsumerRecord<String, String>> allocated = tap.await(
                    EventTap.withHeader(CloudEventHeaders.SUBJECT, early.caseId()), 1, PATIENCE);
            assertEquals(EventTypes.CASE_ALLOCATED, EventTap.header(allocated.get(0), CloudEventHeaders.TYPE));
            assertTrue(allocated.get(0).value().contains(early.openedAt().plusSeconds(60).toString()),
                    "the allocation keeps the time the manager made it: " + allocated.get(0).value());
        }
        await().atMost(PATIENCE).untilAsserted(() -> queue(team)
                .body("caseId", hasItem(refused.caseId()))
                .body("caseId", not(hasItem(early.caseId()))));
        given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/workers").then()
                .body("find { it.workerId == '" + workerId + "' }.activeCases", equalTo(1));
    }

    @Test
    void anAllocationRacingItsCaseIsNeverLost() throws Exception {
        String team = "team-" + UUID.randomUUID();
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                .body("{\"displayName\": \"W\", \"team\": \"" + team + "\", \"fte\": 1.0, \"caseHolding\": true,"
                        + " \"caseloadThreshold\": 100}")
                .put("/workers/" + workerId).then().statusCode(201);
        int races = 40;
        java.util.concurrent.ExecutorService managers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < races; i++) {
                TestCase racing = TestCase.in(team, "child-race-" + i, 0);
                // The manager allocates while the case's event is on its way: 201 or 202, never lost.
                String key = UUID.randomUUID().toString();
                answers.add(managers.submit(() -> {
                    int status;
                    int attempts = 0;
                    do {
                        // A 503 (two changes met in the database) says: send the same request again.
                        status = given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                                .header("Idempotency-Key", key)
                                .body("{\"workerId\": \"" + workerId + "\", \"allocatedAt\": \""
                                        + racing.openedAt().plusSeconds(60) + "\"}")
                                .post("/cases/" + racing.caseId() + "/allocation").then().extract().statusCode();
                    } while (status == 503 && ++attempts < 5);
                    return status;
                }));
                racing.opened(publisher);
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                int status = answer.get();
                assertTrue(status == 201 || status == 202, "status " + status);
            }
        } finally {
            managers.shutdown();
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().preemptive().basic("duty", "duty")
                .queryParam("team", team).get("/workers").then()
                .body("find { it.workerId == '" + workerId + "' }.activeCases", equalTo(races)));
        queue(team).body("", org.hamcrest.Matchers.empty());
    }

    @Test
    void twoLoopsShareThePartitionsSoEachCaseIsAppliedByOne() throws Exception {
        Map<String, Set<TopicPartition>> owners = ConsumerGroups.assignments(bootstrapServers,
                ReferralEventsConsumer.CONSUMER, 2, PATIENCE);
        assertEquals(Set.of(ReferralEventsConsumer.CONSUMER + "-consumer-1",
                ReferralEventsConsumer.CONSUMER + "-consumer-2"), owners.keySet());
        Set<Integer> owned = new TreeSet<>();
        owners.forEach((client, partitions) -> partitions.forEach(partition -> {
            assertEquals(Topics.REFERRAL_EVENTS, partition.topic());
            assertTrue(owned.add(partition.partition()), partition + " has one owner");
        }));
        assertEquals(Topics.PARTITIONS, owned.size());
    }

    /**
     * Held allocations to two workers, their cases arriving in one burst across every partition: both loops apply
     * holds in the same moments and each needs both workers' rows (taken one by one, in the events' order, this
     * deadlocked; a batch now locks them up front in id order). Every allocation lands once.
     */
    @Test
    void heldAllocationsToTheSameWorkersAppliedByBothLoopsAllLand() {
        String team = "team-" + UUID.randomUUID();
        String[] workers = { "sw-" + UUID.randomUUID().toString().substring(0, 8),
                "sw-" + UUID.randomUUID().toString().substring(0, 8) };
        for (String workerId : workers) {
            given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON)
                    .body("{\"displayName\": \"W\", \"team\": \"" + team + "\", \"fte\": 1.0,"
                            + " \"caseHolding\": true, \"caseloadThreshold\": 100}")
                    .put("/workers/" + workerId).then().statusCode(201);
        }
        int cases = 80;
        List<TestCase> stories = new java.util.ArrayList<>();
        for (int i = 0; i < cases; i++) {
            TestCase story = TestCase.in(team, "child-held2-" + i, i);
            stories.add(story);
            given().auth().preemptive().basic("duty", "duty").contentType(ContentType.JSON)
                    .body("{\"workerId\": \"" + workers[i % 2] + "\", \"allocatedAt\": \""
                            + story.openedAt().plusSeconds(60) + "\"}")
                    .post("/cases/" + story.caseId() + "/allocation").then().statusCode(202);
        }
        try (Burst burst = new Burst(bootstrapServers)) {
            for (TestCase story : stories) {
                burst.send(EventTypes.CASE_OPENED, story.caseId(), story.childRef(), """
                        {"caseId": "%s", "childRef": "%s", "occurredAt": "%s", "referralDate": "%s", "team": "%s"}
                        """.formatted(story.caseId(), story.childRef(), story.openedAt(),
                        WorkingCalendar.londonDate(story.openedAt()), team), BASE);
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String workerId : workers) {
                given().auth().preemptive().basic("duty", "duty").queryParam("team", team).get("/workers").then()
                        .body("find { it.workerId == '" + workerId + "' }.activeCases", equalTo(cases / 2));
            }
        });
        queue(team).body("", org.hamcrest.Matchers.empty());
        long allocations = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM allocation a JOIN allocation_case c ON c.case_id = a.case_id"
                        + " WHERE c.team = ?1")
                .setParameter(1, team).getSingleResult()).longValue());
        assertEquals(cases, allocations, "one allocation per case, none applied twice");
    }

    @Test
    void brokenRecordsAreDeadLetteredAndConsumptionGoesOn() {
        String team = "team-" + UUID.randomUUID();
        TestCase good = TestCase.in(team, "child-after-poison", 0);
        String noCaseId = """
                {"childRef": "child-poison", "contactId": "%s", "occurredAt": "%s", "referralDate": "%s",
                 "team": "%s", "source": "6", "reReferral": false, "referralsInPrevious12Months": 0}
                """.formatted(UUID.randomUUID(), BASE, WorkingCalendar.londonDate(BASE), team);
        String deadLetters = Topics.deadLetter(Topics.REFERRAL_EVENTS, ReferralEventsConsumer.CONSUMER);
        String key = "child-poison-" + UUID.randomUUID();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, deadLetters);
                EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publishRaw(Topics.REFERRAL_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
            publisher.publish(EventTypes.CASE_OPENED, UUID.randomUUID().toString(), key, noCaseId);
            good.opened(publisher);
            await().atMost(PATIENCE).untilAsserted(() -> queue(team).body("caseId", hasItem(good.caseId())));
            List<ConsumerRecord<String, String>> dead = tap.await(record -> key.equals(record.key()), 2, PATIENCE);
            assertEquals(2, dead.size());
            assertEquals("{not json", dead.get(0).value());
            for (ConsumerRecord<String, String> record : dead) {
                assertNotNull(EventTap.header(record, CloudEventHeaders.DLQ_REASON));
                assertEquals(ReferralEventsConsumer.CONSUMER, EventTap.header(record, CloudEventHeaders.DLQ_CONSUMER));
            }
            assertTrue(EventTap.header(dead.get(1), CloudEventHeaders.DLQ_REASON).contains("caseId"),
                    EventTap.header(dead.get(1), CloudEventHeaders.DLQ_REASON));
        }
    }
}
