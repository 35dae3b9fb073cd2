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

    /** Most records applied in one database transaction. */
    @WithDefault("500")
    int maxPollRecords();

    /** How long one poll waits for records. */
    @WithDefault("PT0.2S")
    Duration pollTimeout();

    /** Longest pause between retries while the database is unreachable. */
    @WithDefault("PT5S")
    Duration maxBackoff();
}
