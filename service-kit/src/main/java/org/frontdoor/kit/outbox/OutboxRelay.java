package org.frontdoor.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.CloudEventHeaders;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents and marks them sent, in commit order, woken by
 * {@link #wake()} after each commit of this instance that appended events, and polling the table every
 * {@code frontdoor.outbox.poll-interval} for rows committed by other instances. A failed publish leaves the
 * rows unsent and is retried with backoff, so nothing is lost; a retry may publish a row twice, which consumers absorb by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Batches from several instances take turns under this lock, which keeps each child's events in order. */
    private static final long RELAY_LOCK = 0x0F0D_0001L;

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    /** At most one permit: a commit since the relay last looked at the table. */
    private final Semaphore committed = new Semaphore(0);
    private Counter published;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(DataSource dataSource, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("frontdoor.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("frontdoor.outbox.oldest.pending.age", oldestPendingMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unsent event").baseUnit("seconds").register(registry);
        published = Counter.builder("frontdoor.outbox.published").description("Events published to Kafka")
                .register(registry);
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Appended event) {
        wake();
    }

    /** Tells the relay that events were committed; cheap and non-blocking. */
    public void wake() {
        if (committed.availablePermits() == 0) {
            committed.release();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    private void run() {
        long backoff = 100;
        long lastGaugeUpdate = 0;
        while (running) {
            try {
                int sent = relayBatch();
                backoff = 100;
                if (System.currentTimeMillis() - lastGaugeUpdate > 1000 || sent == 0) {
                    updateGauges();
                    lastGaugeUpdate = System.currentTimeMillis();
                }
                if (sent < config.batchSize()) {
                    awaitCommit(config.pollInterval());
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Outbox relay could not publish (%s: %s); unsent events stay in the outbox, retrying in %d ms",
                        e.getClass().getSimpleName(), e.getMessage(), backoff);
                closeQuietly();
                // The backlog grows while Kafka is away: the gauges (and the OutboxBacklog alert) must see it.
                try {
                    updateGauges();
                    lastGaugeUpdate = System.currentTimeMillis();
                } catch (SQLException database) {
                    LOG.debugf("Outbox gauges not updated: %s", database.getMessage());
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    /** Claims the oldest unsent rows, publishes them, waits for every ack, then marks them sent. */
    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + RELAY_LOCK + ")");
                }
                List<Long> claimed = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT seq, event_id, topic, event_key, ce_type, ce_source, ce_subject, ce_time, payload
                        FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED
                        """)) {
                    select.setInt(1, config.batchSize());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            claimed.add(rows.getLong(1));
                            Future<RecordMetadata> ack = producer().send(toRecord(rows));
                            if (ack.isDone()) {
                                // Failed before reaching the producer's buffer (no metadata, say): stop here, so
                                // no later row overtakes this one when the broker comes back mid-batch.
                                ack.get();
                            }
                            acks.add(ack);
                        }
                    }
                }
                if (claimed.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                producer().flush();
                long deadline = System.nanoTime() + config.sendTimeout().toNanos();
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE outbox_event SET sent_at = now() WHERE seq = ANY (?)")) {
                    mark.setArray(1, connection.createArrayOf("bigint", claimed.toArray()));
                    mark.executeUpdate();
                }
                connection.commit();
                published.increment(claimed.size());
                return claimed.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION);
        header(headers, CloudEventHeaders.ID, row.getString("event_id"));
        header(headers, CloudEventHeaders.SOURCE, row.getString("ce_source"));
        header(headers, CloudEventHeaders.TYPE, row.getString("ce_type"));
        header(headers, CloudEventHeaders.SUBJECT, row.getString("ce_subject"));
        header(headers, CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_INSTANT.format(row.getTimestamp("ce_time").toInstant()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_CONTENT_TYPE);
        return new ProducerRecord<>(row.getString("topic"), null, row.getString("event_key"),
                row.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Sleeps until a commit wakes the relay or the poll interval passes. */
    private void awaitCommit(Duration timeout) throws InterruptedException {
        if (committed.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
            committed.drainPermits();
        }
    }

    private void updateGauges() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("""
                        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)) * 1000, 0)
                        FROM outbox_event WHERE sent_at IS NULL
                        """)) {
            row.next();
            pending.set(row.getLong(1));
            oldestPendingMillis.set(row.getLong(2));
        }
    }

    private void closeQuietly() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
