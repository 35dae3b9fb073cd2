package org.frontdoor.metrics.messaging;

import java.util.List;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.frontdoor.events.Topics;
import org.frontdoor.kit.consumer.ConsumerConfig;
import org.frontdoor.kit.consumer.EventConsumers;
import org.frontdoor.metrics.service.FactRebuild;

/**
 * Starts feeding the fact tables from both topics when the service starts, through the kit's one consumer
 * loop (deduplicated by event id, dead letters to {@code <topic>.metrics-service.dlq}). Under a consumer
 * group other than the one that filled the facts, they are emptied first and rebuilt from the topics.
 */
@ApplicationScoped
public class FactConsumer {

    /** The consumer's name: its default group, and the middle part of the dead-letter topics' names. */
    public static final String NAME = "metrics-service";

    private final EventConsumers consumers;
    private final FactProjection projection;
    private final FactRebuild rebuild;
    private final ConsumerConfig config;

    public FactConsumer(EventConsumers consumers, FactProjection projection, FactRebuild rebuild,
            ConsumerConfig config) {
        this.consumers = consumers;
        this.projection = projection;
        this.rebuild = rebuild;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        rebuild.prepare(config.groupId().orElse(NAME));
        consumers.start(NAME, List.of(Topics.REFERRAL_EVENTS, Topics.ALLOCATION_EVENTS), projection);
    }
}
