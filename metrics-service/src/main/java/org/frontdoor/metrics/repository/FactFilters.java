package org.frontdoor.metrics.repository;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.frontdoor.metrics.domain.IndicatorFilter;

/**
 * The one way every indicator query applies the period, team and source of a filter, so that the
 * families of indicators can never disagree about which items a filter selects.
 */
final class FactFilters {

    private FactFilters() {
    }

    /**
     * Appends the team and source conditions the filter asks for to {@code sql} (a query over a fact table
     * with {@code team} and {@code source} columns that uses {@code :from} and {@code :to}) and binds them.
     * Only the conditions asked for are added, so each query can use the matching index.
     */
    static Query restrict(StringBuilder sql, IndicatorFilter filter, EntityManager entityManager) {
        if (filter.team() != null) {
            sql.append(" AND team = :team");
        }
        if (filter.source() != null) {
            sql.append(" AND source = :source");
        }
        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter("from", filter.from())
                .setParameter("to", filter.to());
        if (filter.team() != null) {
            query.setParameter("team", filter.team());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        return query;
    }
}
