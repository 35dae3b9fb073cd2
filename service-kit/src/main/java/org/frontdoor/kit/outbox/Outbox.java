package org.frontdoor.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.frontdoor.events.EventTypes;

/**
 * Records an event in the same database transaction as the state change it describes, so that an
 * event is published if and only if the change committed (ARCHITECTURE.md §3). The relay does the rest.
 */
@ApplicationScoped
public class Outbox {

    /** PostgreSQL notification channel the relay listens on. */
    public static final String CHANNEL = "frontdoor_outbox";

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public Outbox(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
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
        UUID eventId = UUID.randomUUID();
        String data;
        try {
            data = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event payload of " + type + " cannot be serialised", e);
        }
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (event_id, topic, event_key, ce_type, ce_source, ce_subject, ce_time, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """)
                .setParameter(1, eventId)
                .setParameter(2, EventTypes.topicOf(type))
                .setParameter(3, key)
                .setParameter(4, type)
                .setParameter(5, EventTypes.sourceOf(type))
                .setParameter(6, subject)
                .setParameter(7, Instant.now())
                .setParameter(8, data)
                .executeUpdate();
        entityManager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
        return eventId;
    }
}
