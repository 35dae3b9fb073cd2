package org.frontdoor.kit.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts a service's consumer loops on their own threads and stops them when the service stops. With more than
 * one loop ({@link ConsumerConfig#threads()}), the topics' partition counts are read first, off the start-up
 * path, and the loops start once they are known to keep each child's events on one loop.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ConsumerConfig config;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final List<EventConsumer> running = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Thread> starters = new ArrayList<>();
    private boolean stopping;

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
     * transaction; does nothing when consumption is off. The handler is shared by the loops, so it must keep
     * no state between calls.
     */
    public void start(String name, List<String> topics, EventHandler handler) {
        if (!config.enabled()) {
            return;
        }
        int requested = config.threads();
        if (requested < 1) {
            throw new IllegalStateException("frontdoor.consumer.threads is " + requested + "; it must be at least 1");
        }
        if (requested == 1) {
            launch(name, topics, handler, 0, 1);
            return;
        }
        Thread starter = new Thread(() -> {
            Map<String, Integer> partitions = partitionCounts(name, topics);
            if (partitions == null) {
                return;
            }
            int loops = loops(requested, partitions);
            if (loops < requested) {
                LOG.warnf("%s: %d consumer loops asked for, running %d: %s", name, requested, loops,
                        why(requested, partitions));
            }
            for (int i = 0; i < loops; i++) {
                launch(name, topics, handler, i, loops);
            }
        }, name + "-consumer-start");
        starter.setDaemon(true);
        synchronized (this) {
            starters.add(starter);
        }
        starter.start();
    }

    /**
     * How many loops to run: the request, capped at the partition count, and one when the topics' counts differ
     * (a child's events of two topics would then land on partitions that different loops own, and be applied
     * out of order with each other).
     */
    static int loops(int requested, Map<String, Integer> partitions) {
        if (!coPartitioned(partitions)) {
            return 1;
        }
        int count = partitions.values().iterator().next();
        return Math.max(1, Math.min(requested, count));
    }

    /** Every topic has the same partition count, so partition i of each goes to the same loop. */
    private static boolean coPartitioned(Map<String, Integer> partitions) {
        return partitions.values().stream().distinct().count() == 1;
    }

    private static String why(int requested, Map<String, Integer> partitions) {
        if (!coPartitioned(partitions)) {
            return "the topics' partition counts differ " + partitions
                    + ", so a child's events of different topics would reach different loops; give every topic "
                    + "the same count to run more than one";
        }
        return "the topics have only " + partitions.values().iterator().next() + " partitions, fewer than "
                + requested;
    }

    /** Each topic's partition count, asked until the broker answers; null when the service stops first. */
    private Map<String, Integer> partitionCounts(String name, List<String> topics) {
        Properties props = new Properties();
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, name + "-consumer-start");
        props.put(org.apache.kafka.clients.consumer.ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        long backoff = 500;
        try (KafkaConsumer<byte[], byte[]> metadata = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            while (!isStopping()) {
                try {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (String topic : topics) {
                        List<PartitionInfo> info = metadata.partitionsFor(topic, METADATA_TIMEOUT);
                        if (info == null || info.isEmpty()) {
                            throw new KafkaException("topic " + topic + " does not exist yet");
                        }
                        counts.put(topic, info.size());
                    }
                    return counts;
                } catch (KafkaException e) {
                    LOG.warnf("%s: cannot read the topics' partition counts yet (%s); retrying in %d ms", name,
                            e.getMessage(), backoff);
                    try {
                        Thread.sleep(backoff);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return null;
                    }
                    backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
                }
            }
        }
        return null;
    }

    private synchronized void launch(String name, List<String> topics, EventHandler handler, int index, int loops) {
        if (stopping) {
            return;
        }
        String suffix = loops == 1 ? "" : "-" + (index + 1);
        EventConsumer consumer = new EventConsumer(name, suffix, topics, handler, entityManager, json, config,
                bootstrapServers, registry);
        Thread thread = new Thread(consumer, name + "-consumer" + suffix);
        thread.setDaemon(true);
        running.add(consumer);
        threads.add(thread);
        thread.start();
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    void stop(@Observes ShutdownEvent event) {
        List<Thread> toJoin;
        synchronized (this) {
            stopping = true;
            running.forEach(EventConsumer::stop);
            starters.forEach(Thread::interrupt);
            toJoin = new ArrayList<>(starters);
            toJoin.addAll(threads);
        }
        for (Thread thread : toJoin) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
