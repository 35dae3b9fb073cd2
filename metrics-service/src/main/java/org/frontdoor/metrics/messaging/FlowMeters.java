package org.frontdoor.metrics.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.kit.persistence.AfterCommit;

/**
 * The flow counters Prometheus scrapes (ARCHITECTURE.md §6). Each counts only once the consumer's
 * transaction commits, so a batch that is rolled back and applied again is not counted twice. Labels are
 * low-cardinality codes, never a child, contact or case id.
 */
@ApplicationScoped
public class FlowMeters {

    /** The key of a transaction's pending counts in the synchronization registry. */
    private static final Object PENDING = new Object();

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    public FlowMeters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    void contactReceived(String team, Channel channel) {
        afterCommit(counter("frontdoor.contacts.received", "Contacts received by the front door", team, "channel",
                channel.name()));
    }

    void contactDecided(String team, ContactOutcome outcome) {
        afterCommit(counter("frontdoor.contacts.decided", "Contacts decided by a manager", team, "outcome",
                outcome.name()));
    }

    void caseOpened(String team) {
        afterCommit(counter("frontdoor.cases.opened", "Cases opened by a referral", team, null, null));
    }

    /**
     * A flow counter of the case journey, labelled by team and, where the step has one, its outcome code.
     *
     * @param outcome the outcome code, or null for a step without one
     */
    void count(String name, String description, String team, String outcome) {
        afterCommit(counter(name, description, team, outcome == null ? null : "outcome", outcome));
    }

    /** The counter of a name and labels, registered on first use. */
    private Counter counter(String name, String description, String team, String tag, String value) {
        return counters.computeIfAbsent(new Key(name, team, tag, value), key -> {
            Counter.Builder builder = Counter.builder(name).description(description).tag("team", team);
            if (tag != null) {
                builder.tag(tag, value);
            }
            return builder.register(registry);
        });
    }

    /**
     * Counts one after the transaction commits. A consumer batch counts thousands of events in one transaction,
     * so the counts are gathered per transaction and added by one synchronization at its end.
     */
    private void afterCommit(Counter counter) {
        AfterCommit.gather(transactions, PENDING, HashMap<Counter, long[]>::new,
                counts -> counts.forEach((committed, n) -> committed.increment(n[0])))
                .computeIfAbsent(counter, c -> new long[1])[0]++;
    }

    private record Key(String name, String team, String tag, String value) {
    }
}
