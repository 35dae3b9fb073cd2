package org.frontdoor.kit.consumer;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service consumes: whether at all, under which group, and in what batch sizes. */
@ConfigMapping(prefix = "frontdoor.consumer")
public interface ConsumerConfig {

    /** Turn consumption off, for example on an instance that only serves queries. */
    @WithDefault("true")
    boolean enabled();

    /** Consumer group; defaults to the consumer's name. A new group replays the topics from the start. */
    Optional<String> groupId();

    /**
     * Most records applied in one database transaction. While catching up on a backlog each batch costs a dozen
     * statements and their triggers whatever its size, so larger batches pay it less often: 2,000 instead of 500
     * took CatchUpBenchmark from 10.5k to 15.0k events/s in metrics-service and from 9.8k to 17.7k (steady) in
     * allocation-service. But a batch's parsed events stay live through its transaction, and in the services' small
     * serial-collected heaps two loops of 2,000 overflowed the young generation at every collection: 1,000, with the
     * young generation the local stack gives consumers, took the bench's replay from 16.9k to 20.8k events/s
     * (allocation-service) and from 13.0k to 17.2k (metrics-service). Live traffic polls far fewer at a time, so
     * freshness does not change.
     */
    @WithDefault("1000")
    int maxPollRecords();

    /**
     * Consumer loops (threads, each its own member of the group) per service. Partitions are shared out by the
     * range assignor, so when every topic has the same partition count a child's events of all topics (key =
     * childRef) meet on one loop and are applied in order; where the counts differ the service logs why and runs
     * one loop. More loops than partitions would idle, so the count is capped at the partitions. Two loops on two
     * cores took metrics-service's catch-up from 17k to 28k events/s (docs/benchmarks.md).
     */
    @WithDefault("1")
    int threads();

    /** How long one poll waits for records. */
    @WithDefault("PT0.2S")
    Duration pollTimeout();

    /** Longest pause between retries while the database is unreachable. */
    @WithDefault("PT5S")
    Duration maxBackoff();
}
