package org.frontdoor.kit.consumer;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.Topics;
import org.jboss.logging.Logger;

/**
 * The one consumer loop of every service (ARCHITECTURE.md §3): poll a batch, record the event ids and
 * apply the new events in one transaction, commit, then commit the offsets. A crash anywhere means
 * redelivery, never double counting; a record that can never be applied goes to the dead-letter topic
 * with its reason and consumption goes on.
 */
public final class EventConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int MAX_REASON = 500;

    private final String name;
    private final List<String> topics;
    private final EventHandler handler;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ConsumerConfig config;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetters;
    private final KafkaClientMetrics clientMetrics;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter deadLettered;
    private volatile boolean running = true;

    /**
     * A loop consuming {@code topics} in group {@code name}; {@code suffix} tells the loops of one service apart
     * in client ids ("" for a service's only loop, "-1", "-2"… when it runs several).
     */
    EventConsumer(String name, String suffix, List<String> topics, EventHandler handler, EntityManager entityManager,
            ObjectMapper json, ConsumerConfig config, String bootstrapServers, MeterRegistry registry) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;

        Properties consumerProps = new Properties();
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG,
                config.groupId().orElse(name));
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG,
                name + "-consumer" + suffix);
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                config.maxPollRecords());
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Partition i of every topic goes to the same loop (given equal partition counts, which EventConsumers
        // checks), so a child's events of both topics are applied by one thread. Said here, not left to the
        // client's default list, which could change.
        consumerProps.put(org.apache.kafka.clients.consumer.ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                RangeAssignor.class.getName());
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, name + "-dead-letters" + suffix);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.deadLetters = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());

        this.clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        this.applied = Counter.builder("frontdoor.consumer.events").tag("consumer", name).tag("outcome", "applied")
                .description("Events applied to the read model").register(registry);
        this.duplicates = Counter.builder("frontdoor.consumer.events").tag("consumer", name).tag("outcome", "duplicate")
                .description("Events applied to the read model").register(registry);
        this.deadLettered = Counter.builder("frontdoor.consumer.dead.letters").tag("consumer", name)
                .description("Records sent to the dead-letter topic").register(registry);
    }

    @Override
    public void run() {
        long backoff = 100;
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    process(records);
                    commit();
                    backoff = 100;
                } catch (TransientFailure e) {
                    LOG.warnf("%s: could not apply a batch (%s); retrying in %d ms", name, e.getMessage(), backoff);
                    rewind(records);
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: the consumer stopped unexpectedly", name);
        } finally {
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Commits the offsets of the batch just applied. When the group has moved the partitions on meanwhile (a loop
     * joined or left, or this one was too slow), the commit is refused: the batch is already durable, and whoever
     * owns the partitions now receives its records again and skips them as duplicates.
     */
    private void commit() {
        try {
            consumer.commitSync();
        } catch (RebalanceInProgressException | CommitFailedException e) {
            LOG.infof("%s: offsets not committed (%s); the batch is applied, and its records will come again "
                    + "and count as duplicates", name, e.getClass().getSimpleName());
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<Parsed> valid = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                valid.add(new Parsed(record, parse(record)));
            } catch (InvalidEventException e) {
                dead.add(new DeadLetter(record, e.getMessage()));
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(valid));
        } catch (RuntimeException batchFailure) {
            if (isTransient(batchFailure)) {
                throw new TransientFailure(batchFailure);
            }
            // Find the record that cannot be applied: apply one at a time, dead-letter the culprits.
            for (Parsed one : valid) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> apply(List.of(one)));
                } catch (RuntimeException e) {
                    if (isTransient(e)) {
                        throw new TransientFailure(e);
                    }
                    dead.add(new DeadLetter(one.record(), reason(e)));
                }
            }
        }
        for (DeadLetter letter : dead) {
            sendToDeadLetterTopic(letter);
        }
    }

    private void apply(List<Parsed> events) {
        if (events.isEmpty()) {
            return;
        }
        String ids = events.stream().map(p -> p.event().id().toString()).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object> inserted = entityManager.createNativeQuery("""
                INSERT INTO processed_event (event_id)
                SELECT DISTINCT unnest(string_to_array(?1, ','))::uuid
                ON CONFLICT DO NOTHING RETURNING event_id
                """).setParameter(1, ids).getResultList();
        Set<String> fresh = new HashSet<>();
        for (Object id : inserted) {
            fresh.add(id.toString());
        }
        List<IncomingEvent> toApply = new ArrayList<>(events.size());
        for (Parsed parsed : events) {
            if (fresh.remove(parsed.event().id().toString())) {
                toApply.add(parsed.event());
            } else {
                duplicates.increment();
            }
        }
        if (!toApply.isEmpty()) {
            handler.handleAll(toApply);
        }
        entityManager.flush();
        // The batch is written: nothing in it is read again, so the next batch starts with an empty session.
        entityManager.clear();
        applied.increment(toApply.size());
    }

    private IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        String specVersion = header(record, CloudEventHeaders.SPECVERSION);
        if (!CloudEventHeaders.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("ce_specversion is " + (specVersion == null ? "missing" : "not 1.0"));
        }
        UUID id;
        try {
            id = UUID.fromString(required(record, CloudEventHeaders.ID));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("ce_id is not a UUID");
        }
        String type = required(record, CloudEventHeaders.TYPE);
        String source = required(record, CloudEventHeaders.SOURCE);
        String subject = header(record, CloudEventHeaders.SUBJECT);
        Instant time;
        try {
            time = IsoTimes.instant(required(record, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an ISO-8601 instant");
        }
        if (record.value() == null) {
            throw new InvalidEventException("the record has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new InvalidEventException("the data is not JSON");
        }
        if (data == null || !data.isObject()) {
            throw new InvalidEventException("the data is not a JSON object");
        }
        return new IncomingEvent(id, type, source, subject, time, record.key(), record.topic(), record.partition(),
                record.offset(), data);
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(name + " is missing");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void sendToDeadLetterTopic(DeadLetter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(CloudEventHeaders.DLQ_REASON, bytes(letter.reason()));
        headers.add(CloudEventHeaders.DLQ_ORIGINAL_TOPIC, bytes(record.topic()));
        headers.add(CloudEventHeaders.DLQ_ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(CloudEventHeaders.DLQ_ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(CloudEventHeaders.DLQ_CONSUMER, bytes(name));
        String topic = Topics.deadLetter(record.topic(), name);
        try {
            deadLetters.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new TransientFailure(e);
        }
        deadLettered.increment();
        LOG.warnf("%s: record %s-%d@%d sent to %s: %s", name, record.topic(), record.partition(), record.offset(),
                topic, letter.reason());
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** Database unreachable or overloaded: the same records will apply later, so retry rather than dead-letter. */
    private static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().startsWith("53") || sql.getSQLState().equals("40001")
                            || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof InvalidEventException)) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Parsed(ConsumerRecord<String, byte[]> record, IncomingEvent event) {
    }

    private record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private static final class TransientFailure extends RuntimeException {
        TransientFailure(Throwable cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
    }
}
