package org.frontdoor.referral.benchmark;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.frontdoor.kit.outbox.OutboxRelay;
import org.frontdoor.localstack.EventTap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures the outbox on the real stack and prints the figures (it asserts nothing about time):
 * commit → publish latency over 1,000 commands, and the relay's drain rate for a 10,000-row backlog.
 * Run: ./mvnw -pl referral-service verify -Dfrontdoor.excluded.groups=none -Dgroups=benchmark
 */
@QuarkusTest
@Tag("benchmark")
class OutboxLatencyBenchmark {

    private static final int COMMANDS = 1_000;
    private static final int BACKLOG = 10_000;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void commitToPublishLatency() {
        String childPrefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        try (EventTap tap = EventTap.fromNow(bootstrapServers, Topics.REFERRAL_EVENTS)) {
            for (int i = 0; i < 50; i++) {
                post(childPrefix + "warmup-" + i);
            }
            tap.await(r -> r.key().startsWith(childPrefix + "warmup-"), 50, Duration.ofSeconds(60));
            long started = System.nanoTime();
            for (int i = 0; i < COMMANDS; i++) {
                post(childPrefix + i);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            List<ConsumerRecord<String, String>> events = tap.await(
                    r -> r.key().startsWith(childPrefix) && !r.key().contains("warmup"), COMMANDS, Duration.ofSeconds(120));
            List<Long> toPublish = new ArrayList<>();
            for (ConsumerRecord<String, String> event : events) {
                long appended = Instant.parse(EventTap.header(event, CloudEventHeaders.TIME)).toEpochMilli();
                toPublish.add(event.timestamp() - appended);
            }
            Collections.sort(toPublish);
            System.out.printf("%n[benchmark] outbox commit -> publish over %d POST /contacts (one client, %.0f req/s):"
                    + " median %d ms, p99 %d ms, max %d ms%n", COMMANDS, COMMANDS / seconds,
                    percentile(toPublish, 50), percentile(toPublish, 99), toPublish.get(toPublish.size() - 1));
        }
    }

    @Test
    void drainRateOfABacklog() throws Exception {
        String key = "bench-backlog-" + UUID.randomUUID();
        long started;
        try (var connection = dataSource.getConnection(); var insert = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, event_key, ce_type, ce_source, ce_subject, ce_time, payload)
                SELECT gen_random_uuid(), ?, ?, 'frontdoor.contact.received.v1', '/frontdoor/referral-service',
                       gen_random_uuid()::text, now(), '{"benchmark": true}'
                FROM generate_series(1, ?)
                """)) {
            connection.setAutoCommit(false);
            insert.setString(1, Topics.REFERRAL_EVENTS);
            insert.setString(2, key);
            insert.setInt(3, BACKLOG);
            insert.executeUpdate();
            connection.commit();
            relay.wake();
            started = System.nanoTime();
        }
        while (unsent(key) > 0) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n[benchmark] outbox drain: %d rows in %.2f s = %.0f events/s%n", BACKLOG, seconds,
                BACKLOG / seconds);
    }

    private static void post(String childRef) {
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON).body("""
                {"childRef": "%s", "source": "6", "channel": "PHONE", "outOfHours": false, "team": "bench"}
                """.formatted(childRef)).post("/contacts").then().statusCode(201);
    }

    private long unsent(String key) throws Exception {
        try (var connection = dataSource.getConnection(); var count = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND sent_at IS NULL")) {
            count.setString(1, key);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
