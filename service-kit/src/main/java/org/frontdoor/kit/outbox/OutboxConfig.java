package org.frontdoor.kit.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes: batch size, how long it sleeps when idle, how it backs off on failure. */
@ConfigMapping(prefix = "frontdoor.outbox")
public interface OutboxConfig {

    /** Whether this instance relays at all; with several instances every one may, they take turns per batch. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows claimed and published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Longest idle wait between looks at the table when no commit of this instance wakes the relay. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Longest pause between retries while Kafka or the database is unreachable. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How long one batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("PT30S")
    Duration sendTimeout();
}
