package org.frontdoor.referral.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventTap;
import org.frontdoor.localstack.LocalStack;
import org.frontdoor.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

/**
 * A 201 means durable even while Kafka is down: the events wait in the outbox and all of them are
 * published, in order, once the broker is back.
 */
@QuarkusTest
class OutboxDeliveryTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eventsWaitInTheOutboxWhileTheBrokerIsDownAndAllArriveInOrderAfterwards() throws Exception {
        LocalStack stack = LocalStackTestResource.shared();
        String childRef = "child-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            stack.stopKafka();
            try {
                for (int i = 0; i < 5; i++) {
                    created.add(given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                            .body("""
                                    {"childRef": "%s", "source": "8", "channel": "LETTER", "outOfHours": false,
                                     "team": "east"}
                                    """.formatted(childRef)).post("/contacts").then().statusCode(201)
                            .extract().path("id"));
                }
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    assertEquals(5, unsent(childRef));
                    // The backlog shows on the gauge while the broker is away (the OutboxBacklog alert reads it).
                    String metrics = given().get("/q/metrics").then().extract().asString();
                    java.util.regex.Matcher pending = java.util.regex.Pattern
                            .compile("(?m)^frontdoor_outbox_pending(?:\\{[^}]*})? ([0-9.E]+)$").matcher(metrics);
                    assertTrue(pending.find(), "frontdoor_outbox_pending is exported");
                    assertTrue(Double.parseDouble(pending.group(1)) >= 5, "pending gauge " + pending.group(1));
                });
                Thread.sleep(3_000);
                assertEquals(5, unsent(childRef), "nothing is marked sent while the broker is down");
            } finally {
                stack.startKafka();
            }
            List<ConsumerRecord<String, String>> events = tap.await(r -> childRef.equals(r.key()), 5,
                    Duration.ofSeconds(60));
            LinkedHashSet<String> subjects = new LinkedHashSet<>();
            events.forEach(e -> subjects.add(EventTap.header(e, CloudEventHeaders.SUBJECT)));
            assertEquals(created, new ArrayList<>(subjects), "published in commit order");
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(0, unsent(childRef)));
    }

    private long unsent(String childRef) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL")) {
            statement.setString(1, childRef);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
