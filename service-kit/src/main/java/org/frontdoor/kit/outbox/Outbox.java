package org.frontdoor.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.frontdoor.kit.persistence.TransactionStatements;

/**
 * Records an event in the same database transaction as the state change it describes, so that an
 * event is published if and only if the change committed (ARCHITECTURE.md §3). The relay does the rest: this
 * instance's relay is woken in-process once the transaction has committed (no {@code pg_notify}, whose commits
 * PostgreSQL serialises: it halved the commit rate), and every relay also polls the table.
 */
@ApplicationScoped
public class Outbox {

    /** Fired once per transaction that appended events; the relay observes it after a successful commit. */
    public record Appended() {
    }

    /** Marks a transaction that has already fired {@link Appended}, so several events wake the relay once. */
    private static final Object APPENDED = new Object();

    private final TransactionStatements statements;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<Appended> appended;

    public Outbox(TransactionStatements statements, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            Event<Appended> appended) {
        this.statements = statements;
        this.json = json;
        this.transactions = transactions;
        this.appended = appended;
    }

    /**
     * Appends one CloudEvent to the outbox; the caller's transaction decides whether it ever leaves.
     *
     * @param type    CloudEvents type from {@link EventTypes}; also selects topic and source
     * @param subject the case or contact id
     * @param key     the record key, always the child reference
     * @param payload the event data, serialised as JSON
     * @return the event id ({@code ce_id})
     */
    @Transactional(TxType.MANDATORY)
    public UUID append(String type, String subject, String key, Object payload) {
        UUID eventId = TimeOrderedIds.next();
        String data;
        try {
            data = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload of " + type + " cannot be serialised", e);
        }
        statements.update("""
                INSERT INTO outbox_event (event_id, topic, event_key, ce_type, ce_source, ce_subject, ce_time, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, eventId, EventTypes.topicOf(type), key, type, EventTypes.sourceOf(type), subject, Instant.now(), data);
        wakeRelayAfterCommit();
        return eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(APPENDED) == null) {
            transactions.putResource(APPENDED, Boolean.TRUE);
            appended.fire(new Appended());
        }
    }
}
