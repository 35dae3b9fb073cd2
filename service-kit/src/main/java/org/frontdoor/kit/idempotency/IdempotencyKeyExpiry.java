package org.frontdoor.kit.idempotency;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

/**
 * Keeps the idempotency table small: keys older than the retention are deleted on a timer. Several
 * instances may sweep at once; deleting a row twice is harmless.
 */
@ApplicationScoped
public class IdempotencyKeyExpiry {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyExpiry.class);
    /** API.md promises that a retry within a day is recognised. */
    static final Duration MINIMUM_RETENTION = Duration.ofHours(24);

    private final IdempotencyKeys keys;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyKeyExpiry(IdempotencyKeys keys, IdempotencyConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    void checkRetention(@Observes StartupEvent event) {
        if (config.retention().compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalStateException("frontdoor.idempotency.retention is " + config.retention()
                    + " but must be at least " + MINIMUM_RETENTION + ": clients may retry for a day");
        }
    }

    @Scheduled(every = "${frontdoor.idempotency.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        deleteExpired();
    }

    /** Deletes every key older than the retention; returns how many went. */
    public int deleteExpired() {
        int deleted = keys.forgetUsedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.debugf("Forgot %d idempotency keys older than %s", deleted, config.retention());
        }
        return deleted;
    }
}
