package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.kit.idempotency.IdempotencyKeyExpiry;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Test;

/** API.md: every POST honours an Idempotency-Key; a retry with the same key returns the first result and changes nothing. */
@QuarkusTest
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyKeyExpiry expiry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static Response post(String user, String key, String path, String body) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON).header(KEY, key)
                .body(body).when().post(path);
    }

    private static String contact(String childRef) {
        return ContactResourceTest.contactJson(childRef, "6");
    }

    @Test
    void aRetriedContactReturnsTheFirstResultAndIsRecordedOnce() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            Response first = post("worker", key, "/contacts", contact(childRef));
            first.then().statusCode(201);
            Response retry = post("worker", key, "/contacts", contact(childRef));
            retry.then().statusCode(201).contentType(ContentType.JSON);

            assertEquals(first.<String>path("id"), retry.<String>path("id"));
            assertEquals(first.header("Location"), retry.header("Location"));
            assertEquals(first.asString(), retry.asString());
            assertEquals(1, count("SELECT count(*) FROM contact WHERE child_ref = ?", childRef));
            assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = ?", childRef));

            tap.await(record -> childRef.equals(record.key()), 1, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> seen = tap.drain(Duration.ofSeconds(2));
            assertEquals(1, seen.stream().filter(record -> childRef.equals(record.key())).count());
        }
    }

    @Test
    void theSameKeyForADifferentRequestIs422AndChangesNothing() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        String other = "child-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        post("worker", key, "/contacts", contact(childRef)).then().statusCode(201);
        long outboxBefore = count("SELECT count(*) FROM outbox_event");

        post("worker", key, "/contacts", contact(other)).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("was used for a different request"))
                .body("violations.field", hasItem(KEY));
        assertEquals(0, count("SELECT count(*) FROM contact WHERE child_ref = ?", other));
        assertEquals(outboxBefore, count("SELECT count(*) FROM outbox_event"));
    }

    @Test
    void keysBelongToTheirUser() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String byWorker = post("worker", key, "/contacts", contact(childRef)).then().statusCode(201).extract().path("id");
        String byDuty = post("duty", key, "/contacts", contact(childRef)).then().statusCode(201).extract().path("id");
        assertNotEquals(byWorker, byDuty);
        assertEquals(2, count("SELECT count(*) FROM contact WHERE child_ref = ?", childRef));
    }

    @Test
    void twoConcurrentRequestsWithOneKeyCreateOneContact() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String childRef = "child-" + UUID.randomUUID();
                String key = UUID.randomUUID().toString();
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Response>> requests = List.of(1, 2).stream()
                        .map(i -> CompletableFuture.supplyAsync(() -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return post("worker", key, "/contacts", contact(childRef));
                        }, clients)).toList();
                start.countDown();
                Response a = requests.get(0).get(30, TimeUnit.SECONDS);
                Response b = requests.get(1).get(30, TimeUnit.SECONDS);
                assertEquals(201, a.statusCode(), a.asString());
                assertEquals(201, b.statusCode(), b.asString());
                assertEquals(a.<String>path("id"), b.<String>path("id"));
                assertEquals(1, count("SELECT count(*) FROM contact WHERE child_ref = ?", childRef));
                assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE event_key = ?", childRef));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRetriedDecisionReturnsTheSameAnswerOnceAndANewKeyStillConflicts() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        String id = post("worker", UUID.randomUUID().toString(), "/contacts", contact(childRef)).then()
                .statusCode(201).extract().path("id");
        String decision = """
                {"outcome": "REFERRAL", "decidedAt": "2024-03-05T10:00:00Z", "rationale": "Threshold met"}
                """;
        String key = UUID.randomUUID().toString();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            Response first = post("duty", key, "/contacts/" + id + "/decision", decision);
            first.then().statusCode(200).body("status", equalTo("DECIDED"));
            Response retry = post("duty", key, "/contacts/" + id + "/decision", decision);
            retry.then().statusCode(200).contentType(ContentType.JSON);
            assertEquals(first.asString(), retry.asString());

            tap.await(record -> childRef.equals(record.key()), 2, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> seen = tap.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> childRef.equals(record.key())).toList();
            assertEquals(List.of(EventTypes.CONTACT_DECIDED, EventTypes.CASE_OPENED),
                    seen.stream().map(record -> EventTap.header(record, CloudEventHeaders.TYPE)).toList());
        }
        assertEquals(1, count("SELECT count(*) FROM social_care_case WHERE child_ref = ?", childRef));

        post("duty", UUID.randomUUID().toString(), "/contacts/" + id + "/decision", decision).then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aKeyThatFailedValidationCanBeUsedAgain() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        post("worker", key, "/contacts", ContactResourceTest.contactJson(childRef, "11")).then().statusCode(400);
        post("worker", key, "/contacts", contact(childRef)).then().statusCode(201);
        assertEquals(1, count("SELECT count(*) FROM contact WHERE child_ref = ?", childRef));
    }

    @Test
    void aMalformedKeyIsAProblemNamingTheHeader() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        for (String key : List.of("k".repeat(300), "two words", "caf\u00e9")) {
            post("worker", key, "/contacts", contact(childRef)).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString(KEY))
                    .body("violations.field", hasItem(KEY));
        }
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON).header(KEY, "")
                .body(contact(childRef)).post("/contacts").then().statusCode(400);
        assertEquals(0, count("SELECT count(*) FROM contact WHERE child_ref = ?", childRef));
    }

    @Test
    void withoutAKeyEveryRequestIsNew() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                    .body(contact(childRef)).post("/contacts").then().statusCode(201);
        }
        assertEquals(2, count("SELECT count(*) FROM contact WHERE child_ref = ?", childRef));
    }

    @Test
    void keysOlderThanTheRetentionAreForgotten() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO idempotency_key (principal, key, fingerprint, created_at, status)
                        VALUES ('worker', ?, 'f', now() - CAST(? AS interval), 201)
                        """)) {
            insert.setString(1, old);
            insert.setString(2, "49 hours");
            insert.executeUpdate();
            insert.setString(1, recent);
            insert.setString(2, "23 hours");
            insert.executeUpdate();
        }
        expiry.deleteExpired();
        assertEquals(0, count("SELECT count(*) FROM idempotency_key WHERE key = ?", old));
        assertEquals(1, count("SELECT count(*) FROM idempotency_key WHERE key = ?", recent));
    }

    @Test
    void theOpenApiDocumentNamesTheHeader() {
        given().auth().preemptive().basic("admin", "admin").queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/contacts'.post.parameters.name", hasItem(KEY))
                .body("paths.'/contacts/{id}/decision'.post.parameters.name", hasItem(KEY));
    }

    private long count(String sql, String... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
