package org.frontdoor.kit.consumer;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A CloudEvent read from Kafka whose envelope has been checked, handed to a service's projection.
 *
 * @param data the event data; projections read the fields they know and ignore the rest
 */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, String key,
        String topic, int partition, long offset, JsonNode data) {
}
