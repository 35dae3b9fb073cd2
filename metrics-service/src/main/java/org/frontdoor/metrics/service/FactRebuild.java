package org.frontdoor.metrics.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Keeps the fact tables true to the consumer group that fills them: they are a read model of the topics
 * under one group, so starting under a new group (a rebuild) empties them, and the processed event ids
 * with them, before the new group replays the topics from the start. A restart under the same group
 * changes nothing. See docs/services/metrics-service.md, "Rebuild".
 */
@ApplicationScoped
public class FactRebuild {

    private static final Logger LOG = Logger.getLogger(FactRebuild.class);

    /** Every table the consumer writes, the record of applied event ids included. */
    static final List<String> TABLES = List.of("contact_fact", "case_fact", "allocation_fact", "deallocation_fact",
            "worker_fact", "assessment_fact", "strategy_discussion_fact", "section47_fact", "conference_fact",
            "cp_plan_fact", "processed_event");

    private final EntityManager entityManager;
    private final Clock clock;

    public FactRebuild(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records {@code consumerGroup} as the one filling the facts; when another group filled them, empties
     * them first.
     *
     * @return whether the facts were emptied for a rebuild
     */
    @Transactional
    public boolean prepare(String consumerGroup) {
        entityManager.createNativeQuery("LOCK TABLE fact_build IN EXCLUSIVE MODE").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> current = entityManager.createNativeQuery("SELECT consumer_group FROM fact_build WHERE id = 1")
                .getResultList();
        if (current.isEmpty()) {
            entityManager.createNativeQuery(
                    "INSERT INTO fact_build (id, consumer_group, started_at) VALUES (1, :group, :now)")
                    .setParameter("group", consumerGroup).setParameter("now", clock.instant()).executeUpdate();
            return false;
        }
        if (consumerGroup.equals(current.get(0))) {
            return false;
        }
        LOG.infof("Rebuilding the fact tables: consumer group %s replaces %s", consumerGroup, current.get(0));
        entityManager.createNativeQuery("TRUNCATE " + String.join(", ", TABLES)).executeUpdate();
        entityManager.createNativeQuery("UPDATE fact_build SET consumer_group = :group, started_at = :now WHERE id = 1")
                .setParameter("group", consumerGroup).setParameter("now", clock.instant()).executeUpdate();
        return true;
    }
}
