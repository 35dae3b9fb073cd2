package org.frontdoor.kit.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts a service's consumer loops on their own threads and stops them when the service stops. */
@ApplicationScoped
public class EventConsumers {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ConsumerConfig config;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final List<EventConsumer> running = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public EventConsumers(EntityManager entityManager, ObjectMapper json, ConsumerConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    /**
     * Starts consuming {@code topics} as {@code name} (the consumer group and the dead-letter topic's
     * middle part), handing each poll's new events to {@code handler} ({@link EventHandler#handleAll}) in one
     * transaction; does nothing when consumption is off.
     */
    public void start(String name, List<String> topics, EventHandler handler) {
        if (!config.enabled()) {
            return;
        }
        EventConsumer consumer = new EventConsumer(name, topics, handler, entityManager, json, config,
                bootstrapServers, registry);
        Thread thread = new Thread(consumer, name + "-consumer");
        thread.setDaemon(true);
        running.add(consumer);
        threads.add(thread);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running.forEach(EventConsumer::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
