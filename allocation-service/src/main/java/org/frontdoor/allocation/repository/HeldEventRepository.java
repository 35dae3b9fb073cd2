package org.frontdoor.allocation.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * What arrived before its case: closures from referral-service and allocations from managers, each kept until
 * the case's opening event arrives. Plain upserts and deletes: the rows are short-lived and never listed.
 */
@ApplicationScoped
public class HeldEventRepository {

    /** An allocation waiting for its case. */
    public record HeldAllocation(UUID caseId, String workerId, Instant allocatedAt, String allocatedBy,
            String overrideReason, Instant heldUntil) {
    }

    /** Which of a batch's cases have a closure held, which an allocation, and the workers those allocations name. */
    public record Holds(Set<UUID> closures, Set<UUID> allocations, Set<String> workers) {
    }

    private final EntityManager entityManager;

    public HeldEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Cases that have arrived while an allocation is still held for them (a hold that raced the arrival). */
    @SuppressWarnings("unchecked")
    public List<UUID> allocationsWithArrivedCase() {
        return entityManager.createNativeQuery("""
                SELECT h.case_id FROM held_allocation h JOIN allocation_case c ON c.case_id = h.case_id
                ORDER BY h.held_at LIMIT 100
                """, UUID.class).getResultList();
    }

    /** Keeps a closure for a case not known yet; a second delivery changes nothing. */
    public void holdClosure(UUID caseId, Instant closedAt, Instant now) {
        entityManager.createNativeQuery("""
                INSERT INTO held_closure (case_id, closed_at, received_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (case_id) DO NOTHING
                """).setParameter(1, caseId).setParameter(2, closedAt).setParameter(3, now).executeUpdate();
    }

    /** Which of these cases have something held for them, in one query (the consumer asks once a batch). */
    public Holds heldFor(Collection<UUID> caseIds) {
        Holds holds = new Holds(new HashSet<>(), new HashSet<>(), new HashSet<>());
        if (caseIds.isEmpty()) {
            return holds;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT case_id, true, NULL FROM held_closure WHERE case_id = ANY(?::uuid[])"
                            + " UNION ALL SELECT case_id, false, worker_id FROM held_allocation"
                            + " WHERE case_id = ANY(?::uuid[])")) {
                java.sql.Array ids = SqlArrays.texts(connection, caseIds, id -> id);
                select.setArray(1, ids);
                select.setArray(2, ids);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getBoolean(2)) {
                            holds.closures().add(rows.getObject(1, UUID.class));
                        } else {
                            holds.allocations().add(rows.getObject(1, UUID.class));
                            holds.workers().add(rows.getString(3));
                        }
                    }
                }
            }
        });
        return holds;
    }

    /** {@link #holdClosure} for many cases in one statement (the map one closure a case). */
    public void holdClosures(Map<UUID, Instant> closedAt, Instant now) {
        if (closedAt.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO held_closure (case_id, closed_at, received_at)"
                            + " SELECT c, a, ?::timestamptz FROM unnest(?::uuid[], ?::timestamptz[]) AS u (c, a)"
                            + " ON CONFLICT (case_id) DO NOTHING")) {
                insert.setString(1, now.toString());
                insert.setArray(2, SqlArrays.texts(connection, closedAt.keySet(), id -> id));
                insert.setArray(3, SqlArrays.texts(connection, closedAt.keySet(), closedAt::get));
                insert.executeUpdate();
            }
        });
    }

    /** Takes the closure held for a case, if any. */
    public Optional<Instant> takeClosure(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object> closedAt = entityManager.createNativeQuery(
                "DELETE FROM held_closure WHERE case_id = ?1 RETURNING closed_at")
                .setParameter(1, caseId).getResultList();
        return closedAt.stream().findFirst().map(HeldEventRepository::instant);
    }

    /** Holds an allocation for a case not known yet; a later one for the same case replaces it. */
    public void holdAllocation(HeldAllocation held, Instant now) {
        entityManager.createNativeQuery("""
                INSERT INTO held_allocation (case_id, worker_id, allocated_at, allocated_by, override_reason, held_at,
                    held_until)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (case_id) DO UPDATE SET worker_id = EXCLUDED.worker_id,
                    allocated_at = EXCLUDED.allocated_at, allocated_by = EXCLUDED.allocated_by,
                    override_reason = EXCLUDED.override_reason, held_at = EXCLUDED.held_at,
                    held_until = EXCLUDED.held_until
                """)
                .setParameter(1, held.caseId()).setParameter(2, held.workerId()).setParameter(3, held.allocatedAt())
                .setParameter(4, held.allocatedBy()).setParameter(5, held.overrideReason()).setParameter(6, now)
                .setParameter(7, held.heldUntil()).executeUpdate();
    }

    /** Takes the allocation held for a case, if any and not expired. */
    public Optional<HeldAllocation> takeAllocation(UUID caseId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                DELETE FROM held_allocation WHERE case_id = ?1
                RETURNING worker_id, allocated_at, allocated_by, override_reason, held_until
                """).setParameter(1, caseId).getResultList();
        return rows.stream().findFirst().map(r -> new HeldAllocation(caseId, (String) r[0], instant(r[1]),
                (String) r[2], (String) r[3], instant(r[4]))).filter(h -> !h.heldUntil().isBefore(now));
    }

    /** Drops allocations whose case never came; how many. */
    public int dropExpired(Instant now) {
        return entityManager.createNativeQuery("DELETE FROM held_allocation WHERE held_until < ?1")
                .setParameter(1, now).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
