package org.frontdoor.allocation.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.CaseStatus;
import org.frontdoor.allocation.domain.Worker;

/** Stores workers and counts their caseloads. */
@ApplicationScoped
public class WorkerRepository implements PanacheRepositoryBase<Worker, String> {

    public List<Worker> listByTeam(String team) {
        return team == null ? list("order by team, workerId") : list("team = ?1 order by workerId", team);
    }

    /** The workers of these teams, by team. */
    public List<Worker> listByTeams(java.util.Collection<String> teams) {
        return list("team in ?1 order by team, workerId", teams);
    }

    /** Open cases held by each worker who holds any. */
    public Map<String, Integer> activeCases() {
        Map<String, Integer> counts = new HashMap<>();
        getEntityManager().createQuery("""
                select c.workerId, count(c) from AllocationCase c
                where c.status = ?1 and c.workerId is not null group by c.workerId
                """, Object[].class).setParameter(1, CaseStatus.OPEN).getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    public int activeCases(String workerId) {
        return ((Number) getEntityManager().createQuery(
                "select count(c) from AllocationCase c where c.status = ?1 and c.workerId = ?2")
                .setParameter(1, CaseStatus.OPEN).setParameter(2, workerId).getSingleResult()).intValue();
    }
}
