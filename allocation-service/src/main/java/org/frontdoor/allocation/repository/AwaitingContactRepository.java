package org.frontdoor.allocation.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.AwaitingContact;

/**
 * Stores contacts from referral-service's events. Both writes are single upserts rather than read-then-write, so
 * that a decision arriving before its contact, or two consumers at once, still converge on one decided row.
 */
@ApplicationScoped
public class AwaitingContactRepository implements PanacheRepositoryBase<AwaitingContact, UUID> {

    /** A contact was received; a decision already recorded for it is kept. */
    public void received(UUID contactId, String childRef, String team, Instant receivedAt, LocalDate decisionDueBy) {
        getEntityManager().createNativeQuery("""
                INSERT INTO awaiting_contact (contact_id, child_ref, team, received_at, decision_due_by)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (contact_id) DO UPDATE SET child_ref = EXCLUDED.child_ref, team = EXCLUDED.team,
                    received_at = EXCLUDED.received_at, decision_due_by = EXCLUDED.decision_due_by
                """)
                .setParameter(1, contactId)
                .setParameter(2, childRef)
                .setParameter(3, team)
                .setParameter(4, receivedAt)
                .setParameter(5, decisionDueBy)
                .executeUpdate();
    }

    /**
     * A contact was decided. Inserts the whole row when its received event has not arrived yet; otherwise sets only
     * the decision, keeping the first one if a decision is delivered twice.
     */
    public void decided(UUID contactId, String childRef, String team, Instant receivedAt, LocalDate decisionDueBy,
            Instant decidedAt) {
        getEntityManager().createNativeQuery("""
                INSERT INTO awaiting_contact (contact_id, child_ref, team, received_at, decision_due_by, decided_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (contact_id) DO UPDATE
                    SET decided_at = COALESCE(awaiting_contact.decided_at, EXCLUDED.decided_at)
                """)
                .setParameter(1, contactId)
                .setParameter(2, childRef)
                .setParameter(3, team)
                .setParameter(4, receivedAt)
                .setParameter(5, decisionDueBy)
                .setParameter(6, decidedAt)
                .executeUpdate();
    }

    /** Contacts not decided yet, earliest due first. */
    public List<AwaitingContact> undecided() {
        return list("decidedAt is null order by decisionDueBy, contactId");
    }
}
