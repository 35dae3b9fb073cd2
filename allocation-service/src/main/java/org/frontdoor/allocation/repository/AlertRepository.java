package org.frontdoor.allocation.repository;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.Alert;
import org.frontdoor.allocation.domain.AlertState;
import org.frontdoor.events.AlertKind;

/** Stores alerts and reads the active ones (for reconciliation and gauges) and the lists duty managers see. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** Serialises evaluations across instances; any other fixed key in this database names another lock. */
    private static final long EVALUATION_LOCK = 0x0F0D_A1E7L;

    /** Waits for, and holds until the transaction ends, the right to change alerts. */
    public void lockForEvaluation() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(" + EVALUATION_LOCK + ")")
                .getSingleResult();
    }

    public List<Alert> active() {
        return list("resolvedAt is null");
    }

    /** The active alerts of these teams, newest first. */
    public List<Alert> active(java.util.Collection<String> teams) {
        return list("resolvedAt is null and team in ?1 order by raisedAt desc, id desc", teams);
    }

    /** Active alerts of other teams about these subjects (a subject that moved team). */
    public List<Alert> activeOutside(java.util.Collection<String> teams, java.util.Collection<String> subjectIds) {
        return list("resolvedAt is null and team not in ?1 and subjectId in ?2", teams, subjectIds);
    }

    /** Active alerts by kind, every kind present (zero when none). */
    public Map<AlertKind, Long> activeByKind() {
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            counts.put(kind, 0L);
        }
        getEntityManager().createQuery(
                "select a.kind, count(a) from Alert a where a.resolvedAt is null group by a.kind", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((AlertKind) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** Alerts in the state and team asked for (either may be null for all), newest first. */
    public PanacheQuery<Alert> search(AlertState state, String team) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (state == AlertState.ACTIVE) {
            where.append(" and resolvedAt is null");
        } else if (state == AlertState.RESOLVED) {
            where.append(" and resolvedAt is not null");
        }
        if (team != null) {
            where.append(" and team = :team");
            parameters.and("team", team);
        }
        Sort newestFirst = state == AlertState.RESOLVED
                ? Sort.descending("resolvedAt", "raisedAt", "id")
                : Sort.descending("raisedAt", "id");
        return find(where.toString(), newestFirst, parameters);
    }
}
