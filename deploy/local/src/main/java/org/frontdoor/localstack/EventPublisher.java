package org.frontdoor.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;

/**
 * Lets a consumer's tests put CloudEvents (or deliberately broken records) on the real broker exactly
 * as a producer service would, including the same event twice.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes one event with the CloudEvents binary-mode headers; returns its id. */
    public String publish(String type, String subject, String childRef, String jsonData) {
        String id = UUID.randomUUID().toString();
        publish(id, type, subject, childRef, jsonData);
        return id;
    }

    /** Publishes an event with a chosen id, for sending the same event again. */
    public void publish(String id, String type, String subject, String childRef, String jsonData) {
        List<Header> headers = List.of(
                header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION),
                header(CloudEventHeaders.ID, id),
                header(CloudEventHeaders.SOURCE, EventTypes.sourceOf(type)),
                header(CloudEventHeaders.TYPE, type),
                header(CloudEventHeaders.SUBJECT, subject),
                header(CloudEventHeaders.TIME, Instant.now().toString()),
                header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_CONTENT_TYPE));
        send(new ProducerRecord<>(EventTypes.topicOf(type), null, childRef,
                jsonData.getBytes(StandardCharsets.UTF_8), headers));
    }

    /** Publishes raw bytes with no CloudEvents headers at all: a poison record. */
    public void publishRaw(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing a test record failed", e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
