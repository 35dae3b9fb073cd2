package org.frontdoor.metrics.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.Facts;

/**
 * Writes allocation, deallocation and worker facts, for allocation timeliness, the queue and caseloads. Each
 * method writes a batch of rows, all different, with one statement.
 */
@ApplicationScoped
public class AllocationFactRepository {

    private static final String ALLOCATIONS = Unnest.insert("allocation_fact", """
                case_id uuid, allocated_at timestamptz, worker_id text, team text, allocated_date date,
                threshold_overridden boolean, previous_worker_id text
                """, """
                ON CONFLICT (case_id, allocated_at) DO UPDATE SET
                    worker_id = EXCLUDED.worker_id,
                    team = EXCLUDED.team,
                    allocated_date = EXCLUDED.allocated_date,
                    threshold_overridden = EXCLUDED.threshold_overridden,
                    previous_worker_id = EXCLUDED.previous_worker_id
                """);

    private static final String DEALLOCATIONS = Unnest.insert("deallocation_fact", """
                case_id uuid, deallocated_at timestamptz, worker_id text, team text, deallocated_date date, reason text,
                waiting_since timestamptz
                """, """
                ON CONFLICT (case_id, deallocated_at) DO UPDATE SET worker_id = EXCLUDED.worker_id,
                    team = EXCLUDED.team, reason = EXCLUDED.reason, waiting_since = EXCLUDED.waiting_since
                """);

    private static final String WORKERS = Unnest.insert("worker_fact", """
                worker_id text, team text, fte numeric, case_holding boolean, caseload_threshold numeric,
                updated_at timestamptz
                """, """
                ON CONFLICT (worker_id, updated_at) DO UPDATE SET team = EXCLUDED.team, fte = EXCLUDED.fte,
                    case_holding = EXCLUDED.case_holding, caseload_threshold = EXCLUDED.caseload_threshold
                """);

    private final EntityManager entityManager;

    public AllocationFactRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A case.deallocated, with the team it was taken from and the reason code. */
    public record Deallocated(Facts.Deallocation deallocation, String team, String reason) {
    }

    /** A worker.updated, with when it was true. */
    public record WorkerState(Facts.Worker worker, Instant updatedAt) {
    }

    /** An allocation is identified by its case and time; a replayed copy of it simply wins. */
    public void recordAllocations(List<Allocation> allocations) {
        Unnest.execute(entityManager, ALLOCATIONS, allocations, allocation -> new Object[] {
            allocation.caseId(), allocation.allocatedAt(), allocation.workerId(),
            allocation.team(), allocation.allocatedDate(), allocation.thresholdOverridden(),
            allocation.previousWorkerId() });
    }

    /** A deallocation is identified by its case and time, like an allocation. */
    public void recordDeallocations(List<Deallocated> deallocations) {
        Unnest.execute(entityManager, DEALLOCATIONS, deallocations, row -> {
            Facts.Deallocation deallocation = row.deallocation();
            return new Object[] { deallocation.caseId(), deallocation.deallocatedAt(), deallocation.workerId(),
                row.team(), deallocation.deallocatedDate(), row.reason(), deallocation.waitingSince() };
        });
    }

    /**
     * Every state of a worker is kept, by when it became true, so the workers as at any date are known whatever
     * order the updates arrive in; a replayed update rewrites its own row.
     */
    public void recordWorkers(List<WorkerState> workers) {
        Unnest.execute(entityManager, WORKERS, workers, row -> {
            Facts.Worker worker = row.worker();
            return new Object[] { worker.workerId(), worker.team(), worker.fte(), worker.caseHolding(),
                worker.caseloadThreshold(), row.updatedAt() };
        });
    }
}
