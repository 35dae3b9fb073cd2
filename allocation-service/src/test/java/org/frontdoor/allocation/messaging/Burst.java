package org.frontdoor.allocation.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.kit.persistence.TimeOrderedIds;

/**
 * Puts many referral events on the topic at once, batched as a relay catching up would, so that the consumer polls
 * them in few large batches (unlike the test stack's one-record-at-a-time publisher).
 */
final class Burst implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failed = new AtomicReference<>();
    private long sent;

    Burst(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one event with its own id (a new delivery), time-ordered as the producers make them. */
    void send(String type, String subject, String key, String data, Instant time) {
        send(TimeOrderedIds.next().toString(), type, subject, key, data, time);
    }

    /** Sends one event with a chosen id (the same event again). */
    void send(String id, String type, String subject, String key, String data, Instant time) {
        if (failed.get() != null) {
            throw new IllegalStateException("Publishing failed", failed.get());
        }
        List<Header> headers = List.of(
                header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION),
                header(CloudEventHeaders.ID, id),
                header(CloudEventHeaders.SOURCE, EventTypes.sourceOf(type)),
                header(CloudEventHeaders.TYPE, type),
                header(CloudEventHeaders.SUBJECT, subject),
                header(CloudEventHeaders.TIME, time.toString()));
        producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, null, key, data.getBytes(StandardCharsets.UTF_8),
                headers), (metadata, e) -> {
                    if (e != null) {
                        failed.compareAndSet(null, e);
                    }
                });
        sent++;
    }

    long sent() {
        return sent;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until every event is on the broker. */
    @Override
    public void close() {
        producer.flush();
        producer.close();
        if (failed.get() != null) {
            throw new IllegalStateException("Publishing failed", failed.get());
        }
    }
}
