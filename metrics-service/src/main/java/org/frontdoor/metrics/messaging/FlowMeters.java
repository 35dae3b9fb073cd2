package org.frontdoor.metrics.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;

/**
 * The flow counters Prometheus scrapes (ARCHITECTURE.md §6). Each counts only once the consumer's
 * transaction commits, so a batch that is rolled back and applied again is not counted twice. Labels are
 * low-cardinality codes, never a child, contact or case id.
 */
@ApplicationScoped
public class FlowMeters {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public FlowMeters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    void contactReceived(String team, Channel channel) {
        Counter counter = Counter.builder("frontdoor.contacts.received")
                .description("Contacts received by the front door")
                .tag("team", team).tag("channel", channel.name())
                .register(registry);
        afterCommit(counter);
    }

    void contactDecided(String team, ContactOutcome outcome) {
        Counter counter = Counter.builder("frontdoor.contacts.decided")
                .description("Contacts decided by a manager")
                .tag("team", team).tag("outcome", outcome.name())
                .register(registry);
        afterCommit(counter);
    }

    void caseOpened(String team) {
        Counter counter = Counter.builder("frontdoor.cases.opened")
                .description("Cases opened by a referral")
                .tag("team", team)
                .register(registry);
        afterCommit(counter);
    }

    /**
     * A flow counter of the case journey, labelled by team and, where the step has one, its outcome code.
     *
     * @param outcome the outcome code, or null for a step without one
     */
    void count(String name, String description, String team, String outcome) {
        Counter.Builder builder = Counter.builder(name).description(description).tag("team", team);
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        afterCommit(builder.register(registry));
    }

    private void afterCommit(Counter counter) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare: the count depends only on the outcome.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }
}
