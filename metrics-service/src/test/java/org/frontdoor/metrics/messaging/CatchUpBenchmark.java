package org.frontdoor.metrics.messaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import javax.sql.DataSource;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.metrics.TestEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast the fact consumer catches up on a backlog (issue 6): a large burst of referral events of the
 * replay's shape (per case a contact not referred, the referred contact, the case and its closure) is put on
 * the topic at once, and the consumer's applied-events counter is timed until it has applied them all. Prints
 * events per second overall and once the producer had finished (a pure backlog). Run on request:
 * {@code ./mvnw -pl metrics-service verify -Dfrontdoor.excluded.groups=none -Dgroups=benchmark
 * -Dtest=CatchUpBenchmark} ({@code -Dfrontdoor.bench.cases=N}, six events a case).
 */
@QuarkusTest
@Tag("benchmark")
class CatchUpBenchmark {

    private static final int CASES = Integer.getInteger("frontdoor.bench.cases", 33_334);
    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void catchUpOnABacklog() throws Exception {
        boolean statements = resetStatementStatistics();
        double before = applied();
        long started = System.nanoTime();
        long produced = produce();
        long producedAt = System.nanoTime();
        double atProduced = applied() - before;
        long firstAt = 0;
        long lastAt = 0;
        double count = 0;
        while (count < produced && (System.nanoTime() - started) / 1e9 < 1800) {
            count = applied() - before;
            long now = System.nanoTime();
            if (firstAt == 0 && count > 0) {
                firstAt = now;
            }
            lastAt = now;
            Thread.sleep(100);
        }
        String figures = String.format(
                "catch-up: %,d events produced in %.1f s (%,.0f applied meanwhile); %,.0f applied in %.1f s from the "
                        + "first: %,.0f events/s; after the producer finished %,.0f events/s; load average %s",
                produced, (producedAt - started) / 1e9, atProduced, count, (lastAt - firstAt) / 1e9,
                count / Math.max((lastAt - firstAt) / 1e9, 1e-3),
                (count - atProduced) / Math.max((lastAt - producedAt) / 1e9, 1e-3), loadAverage());
        System.out.println("[bench] " + figures);
        if (statements) {
            printStatementStatistics();
        }
    }

    /**
     * With the stack's PostgreSQL started with FRONTDOOR_POSTGRES_STATEMENT_STATISTICS set, where the database's
     * time went during the catch-up (the consumer thread mostly waits on PostgreSQL): true if it can tell.
     */
    private boolean resetStatementStatistics() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            System.out.println("[bench] no statement statistics (" + e.getMessage().lines().findFirst().orElse("")
                    + "); set FRONTDOOR_POSTGRES_STATEMENT_STATISTICS to have them");
            return false;
        }
    }

    private void printStatementStatistics() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT calls, round(total_exec_time) AS ms, rows, toplevel,"
                        + " regexp_replace(left(query, 200), '\\s+', ' ', 'g') AS query FROM pg_stat_statements"
                        + " ORDER BY total_exec_time DESC LIMIT 25")) {
            System.out.println("[bench] PostgreSQL time by statement (ms, calls, rows, top level):");
            while (rows.next()) {
                System.out.printf("[bench] %8d ms %7d calls %9d rows %-5s %s%n", rows.getLong("ms"),
                        rows.getLong("calls"), rows.getLong("rows"), rows.getBoolean("toplevel"),
                        rows.getString("query"));
            }
        }
    }

    private double applied() {
        var counter = registry.find("frontdoor.consumer.events").tag("consumer", FactConsumer.NAME)
                .tag("outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Puts every case's events on the topic as fast as the broker takes them; returns how many. */
    private long produce() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long produced = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int n = 0; n < CASES; n++) {
                for (String[] event : caseEvents(run, n)) {
                    RecordHeaders headers = new RecordHeaders();
                    String[][] envelope = { { CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION },
                        { CloudEventHeaders.ID, newId() },
                        { CloudEventHeaders.SOURCE, EventTypes.sourceOf(event[0]) },
                        { CloudEventHeaders.TYPE, event[0] }, { CloudEventHeaders.SUBJECT, event[1] },
                        { CloudEventHeaders.TIME, event[3] },
                        { CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_CONTENT_TYPE } };
                    for (String[] header : envelope) {
                        headers.add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
                    }
                    producer.send(new ProducerRecord<>(EventTypes.topicOf(event[0]), null, event[2],
                            event[4].getBytes(StandardCharsets.UTF_8), headers), (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                    produced++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return produced;
    }

    /** Case n's six events as {type, subject, key, time, data}, on a working day of 2025. */
    private static List<String[]> caseEvents(String run, int n) {
        String team = "catchup-" + (n % 4);
        String child = "cu-" + run + "-" + n;
        LocalDate received = CALENDAR.addWorkingDays(LocalDate.parse("2025-01-02"), n % 250);
        LocalDate referred = CALENDAR.addWorkingDays(received, 5);
        LocalDate closed = CALENDAR.addWorkingDays(referred, 2);
        TestEvents.Contact other = new TestEvents.Contact(newId(), child, team, "6",
                at(received, 10), CALENDAR.addWorkingDays(received, 1).toString());
        TestEvents.Contact contact = new TestEvents.Contact(newId(), child, team, "6",
                at(referred, 9), CALENDAR.addWorkingDays(referred, 1).toString());
        String caseId = newId();
        List<String[]> events = new ArrayList<>(6);
        events.add(event(EventTypes.CONTACT_RECEIVED, other.id(), child, other.receivedAt(), other.received()));
        events.add(event(EventTypes.CONTACT_DECIDED, other.id(), child, at(received, 11),
                other.decided("NO_FURTHER_ACTION", at(received, 11), true, 0, null)));
        events.add(event(EventTypes.CONTACT_RECEIVED, contact.id(), child, contact.receivedAt(), contact.received()));
        events.add(event(EventTypes.CONTACT_DECIDED, contact.id(), child, at(referred, 14),
                contact.decided("REFERRAL", at(referred, 14), true, 0, caseId)));
        events.add(event(EventTypes.CASE_OPENED, caseId, child, at(referred, 14),
                contact.caseOpened(caseId, at(referred, 14), referred.toString(), 0)));
        events.add(event(EventTypes.CASE_CLOSED, caseId, child, at(closed, 11), """
                {"caseId": "%s", "childRef": "%s", "team": "%s", "occurredAt": "%s", "referralDate": "%s",
                 "closedDate": "%s", "reason": "RC7", "noFurtherStepAfterReferral": true}
                """.formatted(caseId, child, team, at(closed, 11), referred, closed)));
        return events;
    }

    /** Ids as referral-service makes them: time-ordered. */
    private static String newId() {
        return TimeOrderedIds.next().toString();
    }

    private static String[] event(String type, String subject, String key, String time, String data) {
        return new String[] { type, subject, key, time, data };
    }

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC).toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
