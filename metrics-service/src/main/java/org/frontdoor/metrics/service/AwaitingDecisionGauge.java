package org.frontdoor.metrics.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

/**
 * The current-state gauge {@code frontdoor.contacts.awaiting.decision} (ARCHITECTURE.md §6): contacts
 * received and not yet decided. It is re-read from the fact table on a timer, so a scrape never waits on
 * the database and the value survives restarts; it shows NaN until the first read.
 */
@Startup
@Singleton
public class AwaitingDecisionGauge {

    private static final Logger LOG = Logger.getLogger(AwaitingDecisionGauge.class);
    private static final long UNKNOWN = -1;

    private final DataSource dataSource;
    private final AtomicLong awaiting = new AtomicLong(UNKNOWN);

    public AwaitingDecisionGauge(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("frontdoor.contacts.awaiting.decision", awaiting,
                        value -> value.get() == UNKNOWN ? Double.NaN : value.get())
                .description("Contacts received and not yet decided")
                .register(registry);
    }

    @Scheduled(every = "${frontdoor.gauges.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM contact_fact WHERE decided_at IS NULL")) {
            rows.next();
            awaiting.set(rows.getLong(1));
        } catch (SQLException e) {
            LOG.warnf("Could not refresh frontdoor.contacts.awaiting.decision: %s", e.getMessage());
        }
    }
}
