package org.frontdoor.metrics.repository;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.Facts;
import org.hibernate.query.NativeQuery;

/** Writes allocation, deallocation and worker facts, for allocation timeliness, the queue and caseloads. */
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

    /** A deallocation is identified by its case and time, like an allocation. */
    public void recordDeallocation(Facts.Deallocation deallocation, String team, String reason) {
        entityManager.createNativeQuery("""
                INSERT INTO deallocation_fact (case_id, deallocated_at, worker_id, team, deallocated_date, reason,
                                               waiting_since)
                VALUES (:caseId, :at, :workerId, :team, :date, :reason, :waitingSince)
                ON CONFLICT (case_id, deallocated_at) DO UPDATE SET worker_id = EXCLUDED.worker_id,
                    team = EXCLUDED.team, reason = EXCLUDED.reason, waiting_since = EXCLUDED.waiting_since
                """)
                .unwrap(NativeQuery.class)
                .setParameter("caseId", deallocation.caseId())
                .setParameter("at", deallocation.deallocatedAt())
                .setParameter("workerId", deallocation.workerId())
                .setParameter("team", team)
                .setParameter("date", deallocation.deallocatedDate())
                .setParameter("reason", reason)
                .setParameter("waitingSince", deallocation.waitingSince(), Instant.class)
                .executeUpdate();
    }

    /** The latest state of a worker wins, whatever order the updates arrive in. */
    public void recordWorker(Facts.Worker worker, Instant updatedAt) {
        entityManager.createNativeQuery("""
                INSERT INTO worker_fact (worker_id, team, fte, case_holding, caseload_threshold, updated_at)
                VALUES (:id, :team, :fte, :caseHolding, :threshold, :updatedAt)
                ON CONFLICT (worker_id) DO UPDATE SET team = EXCLUDED.team, fte = EXCLUDED.fte,
                    case_holding = EXCLUDED.case_holding, caseload_threshold = EXCLUDED.caseload_threshold,
                    updated_at = EXCLUDED.updated_at
                WHERE worker_fact.updated_at <= EXCLUDED.updated_at
                """)
                .unwrap(NativeQuery.class)
                .setParameter("id", worker.workerId())
                .setParameter("team", worker.team())
                .setParameter("fte", worker.fte())
                .setParameter("caseHolding", worker.caseHolding())
                .setParameter("threshold", worker.caseloadThreshold(), BigDecimal.class)
                .setParameter("updatedAt", updatedAt)
                .executeUpdate();
    }
}
