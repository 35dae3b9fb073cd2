package org.frontdoor.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.metrics.domain.Allocation;
import org.hibernate.query.NativeQuery;

/** Writes allocation facts, one row per allocation of a case, for the allocation indicators. */
@ApplicationScoped
public class AllocationFactRepository {

    private final EntityManager entityManager;

    public AllocationFactRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An allocation is identified by its case and time; a replayed copy of it simply wins. */
    public void recordAllocation(Allocation allocation) {
        entityManager.createNativeQuery("""
                INSERT INTO allocation_fact (case_id, allocated_at, worker_id, team, allocated_date,
                                             threshold_overridden, previous_worker_id)
                VALUES (:caseId, :allocatedAt, :workerId, :team, :allocatedDate, :thresholdOverridden,
                        :previousWorkerId)
                ON CONFLICT (case_id, allocated_at) DO UPDATE SET
                    worker_id = EXCLUDED.worker_id,
                    team = EXCLUDED.team,
                    allocated_date = EXCLUDED.allocated_date,
                    threshold_overridden = EXCLUDED.threshold_overridden,
                    previous_worker_id = EXCLUDED.previous_worker_id
                """)
                .unwrap(NativeQuery.class)
                .setParameter("caseId", allocation.caseId())
                .setParameter("allocatedAt", allocation.allocatedAt())
                .setParameter("workerId", allocation.workerId())
                .setParameter("team", allocation.team())
                .setParameter("allocatedDate", allocation.allocatedDate())
                .setParameter("thresholdOverridden", allocation.thresholdOverridden())
                // Typed, because a first allocation has no previous worker and an untyped null cannot be bound.
                .setParameter("previousWorkerId", allocation.previousWorkerId(), String.class)
                .executeUpdate();
    }
}
