package org.frontdoor.metrics.messaging;

import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.frontdoor.events.Topics;
import org.frontdoor.kit.consumer.EventConsumers;

/**
 * Starts feeding the fact tables from both topics when the service starts, through the kit's one consumer
 * loop (deduplicated by event id, dead letters to {@code <topic>.metrics-service.dlq}).
 */
@ApplicationScoped
public class FactConsumer {

    /** The consumer group, and the middle part of the dead-letter topics' names. */
    public static final String NAME = "metrics-service";

    private final EventConsumers consumers;
    private final FactProjection projection;

    public FactConsumer(EventConsumers consumers, FactProjection projection) {
        this.consumers = consumers;
        this.projection = projection;
    }

    void start(@Observes StartupEvent event) {
        consumers.start(NAME, List.of(Topics.REFERRAL_EVENTS, Topics.ALLOCATION_EVENTS), projection);
    }
}
