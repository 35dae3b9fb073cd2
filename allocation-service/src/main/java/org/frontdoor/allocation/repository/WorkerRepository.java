package org.frontdoor.allocation.repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.CaseStatus;
import org.frontdoor.allocation.domain.Worker;
import org.hibernate.Session;

/** Stores workers and counts their caseloads. */
@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<Worker, String> {

    /**
     * A worker with the open cases they hold, as the board, {@code GET /workers} and the caseload alert read them:
     * a projection counted in the database, never an entity.
     */
    public record Caseload(String workerId, String displayName, String team, BigDecimal fte, boolean caseHolding,
            BigDecimal caseloadThreshold, long activeCases) {

        /** The worker's own threshold in cases per FTE, or null for the authority's default. */
        public Double ownThresholdPerFte() {
            return caseloadThreshold == null ? null : caseloadThreshold.doubleValue();
        }
    }

    private static final String CASELOADS = "select w.workerId, w.displayName, w.team, w.fte, w.caseHolding,"
            + " w.caseloadThreshold, count(c) from Worker w"
            + " left join AllocationCase c on c.workerId = w.workerId and c.status = :open where 1 = 1";
    private static final String BY_WORKER = " group by w.workerId, w.displayName, w.team, w.fte, w.caseHolding,"
            + " w.caseloadThreshold order by w.team, w.workerId";

    /** The workers of these teams (null: every team) with their caseloads, by team, one query. */
    public List<Caseload> caseloads(Collection<String> teams) {
        return TeamCondition.bind(getEntityManager().createQuery(CASELOADS + TeamCondition.in("w.team", teams)
                + BY_WORKER, Caseload.class), teams).setParameter("open", CaseStatus.OPEN).getResultList();
    }

    /** One worker with their caseload. */
    public Optional<Caseload> caseload(String workerId) {
        return getEntityManager().createQuery(CASELOADS + " and w.workerId = :worker" + BY_WORKER, Caseload.class)
                .setParameter("worker", workerId).setParameter("open", CaseStatus.OPEN).getResultStream().findFirst();
    }

    /**
     * Locks these workers' rows, in worker id order, as an allocation locks one. Two consumer loops that each apply
     * held allocations take the workers they need this way, so neither can hold one the other waits for while
     * waiting for one it holds.
     */
    public void lockAll(Collection<String> workerIds) {
        if (workerIds.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT worker_id FROM worker WHERE worker_id = ANY(?::text[]) ORDER BY worker_id"
                            + " FOR NO KEY UPDATE")) {
                select.setArray(1, SqlArrays.texts(connection, workerIds, id -> id));
                select.executeQuery().close();
            }
        });
    }

    public int activeCases(String workerId) {
        return ((Number) getEntityManager().createQuery(
                "select count(c) from AllocationCase c where c.status = ?1 and c.workerId = ?2")
                .setParameter(1, CaseStatus.OPEN).setParameter(2, workerId).getSingleResult()).intValue();
    }
}
