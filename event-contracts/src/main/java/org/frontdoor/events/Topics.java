package org.frontdoor.events;

import java.util.Objects;

/**
 * Kafka topic names and the dead-letter naming rule of ARCHITECTURE.md §3, shared so that a
 * producer, its consumers and the local stack create and read the same topics.
 */
public final class Topics {

    /** Everything the referral service publishes; record key is the {@code childRef}. */
    public static final String REFERRAL_EVENTS = "frontdoor.referral.events";

    /** Everything the allocation service publishes; record key is the {@code childRef}. */
    public static final String ALLOCATION_EVENTS = "frontdoor.allocation.events";

    /** Partition count of the event topics; a child's events stay in one partition via the key. */
    public static final int PARTITIONS = 6;

    private Topics() {
    }

    /**
     * The dead-letter topic a consumer writes records it cannot parse or validate to:
     * {@code <topic>.<consumer>.dlq}.
     *
     * @param topic the topic the record was read from
     * @param consumer the consumer (group) name, e.g. {@code metrics-service}
     */
    public static String deadLetter(String topic, String consumer) {
        requireName(topic, "topic");
        requireName(consumer, "consumer");
        return topic + "." + consumer + ".dlq";
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
