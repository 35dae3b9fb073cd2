package org.frontdoor.metrics.repository;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.frontdoor.metrics.domain.ContactCounts;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactFact;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.frontdoor.metrics.domain.IndicatorFilter;

/**
 * Writes contact facts so that a contact's receipt and decision end in the same row in either order, and
 * counts them for the contact indicators in one pass over the table.
 */
@ApplicationScoped
public class ContactFactRepository implements PanacheRepositoryBase<ContactFact, UUID> {

    /**
     * The receipt owns the receipt columns and overwrites them (it is the authority on them); it never
     * touches the decision columns, so a decision seen earlier survives.
     */
    public void recordReceipt(ContactReceipt receipt) {
        getEntityManager().createNativeQuery("""
                INSERT INTO contact_fact (contact_id, child_ref, team, source, channel, out_of_hours, received_at,
                                          received_date, decision_due_by)
                VALUES (:contactId, :childRef, :team, :source, :channel, :outOfHours, :receivedAt,
                        :receivedDate, :decisionDueBy)
                ON CONFLICT (contact_id) DO UPDATE SET
                    child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team,
                    source = EXCLUDED.source,
                    channel = EXCLUDED.channel,
                    out_of_hours = EXCLUDED.out_of_hours,
                    received_at = EXCLUDED.received_at,
                    received_date = EXCLUDED.received_date,
                    decision_due_by = EXCLUDED.decision_due_by
                """)
                .setParameter("contactId", receipt.contactId())
                .setParameter("childRef", receipt.childRef())
                .setParameter("team", receipt.team())
                .setParameter("source", receipt.source())
                .setParameter("channel", receipt.channel().name())
                .setParameter("outOfHours", receipt.outOfHours())
                .setParameter("receivedAt", receipt.receivedAt())
                .setParameter("receivedDate", receipt.receivedDate())
                .setParameter("decisionDueBy", receipt.decisionDueBy())
                .executeUpdate();
    }

    /**
     * The decision owns the decision columns and updates only those. It also carries the receipt's team,
     * source, times and due date: they fill a new row when the decision arrives before the receipt (so it
     * counts at once), and are never written over what a receipt wrote. The receipt-only columns (channel,
     * out of hours) stay null until the receipt comes.
     *
     * @param workingDays working days from receipt to decision on the service's calendar
     */
    public void recordDecision(ContactDecision decision, int workingDays) {
        getEntityManager().createNativeQuery("""
                INSERT INTO contact_fact (contact_id, child_ref, team, source, received_at, received_date,
                                          decision_due_by, decided_at, decided_date, outcome, rationale_recorded,
                                          decision_working_days)
                VALUES (:contactId, :childRef, :team, :source, :receivedAt, :receivedDate,
                        :decisionDueBy, :decidedAt, :decidedDate, :outcome, :rationaleRecorded,
                        :workingDays)
                ON CONFLICT (contact_id) DO UPDATE SET
                    decided_at = EXCLUDED.decided_at,
                    decided_date = EXCLUDED.decided_date,
                    outcome = EXCLUDED.outcome,
                    rationale_recorded = EXCLUDED.rationale_recorded,
                    decision_working_days = EXCLUDED.decision_working_days
                """)
                .setParameter("contactId", decision.contactId())
                .setParameter("childRef", decision.childRef())
                .setParameter("team", decision.team())
                .setParameter("source", decision.source())
                .setParameter("receivedAt", decision.receivedAt())
                .setParameter("receivedDate", decision.receivedDate())
                .setParameter("decisionDueBy", decision.decisionDueBy())
                .setParameter("decidedAt", decision.decidedAt())
                .setParameter("decidedDate", decision.decidedDate())
                .setParameter("outcome", decision.outcome().name())
                .setParameter("rationaleRecorded", decision.rationaleRecorded())
                .setParameter("workingDays", workingDays)
                .executeUpdate();
    }

    /**
     * CONTACTS counts by receipt date; the decision indicators by decision date (DOMAIN.md §5: an item
     * counts in the period its completion falls in).
     */
    public ContactCounts count(IndicatorFilter filter) {
        StringBuilder sql = new StringBuilder("""
                SELECT COUNT(*) FILTER (WHERE received_date BETWEEN :from AND :to),
                       COUNT(*) FILTER (WHERE decided_date BETWEEN :from AND :to),
                       COUNT(*) FILTER (WHERE decided_date BETWEEN :from AND :to
                                          AND decision_working_days <= :decisionLimit),
                       COUNT(*) FILTER (WHERE decided_date BETWEEN :from AND :to AND outcome = 'REFERRAL'),
                       COUNT(*) FILTER (WHERE decided_date BETWEEN :from AND :to AND rationale_recorded)
                FROM contact_fact
                WHERE (received_date BETWEEN :from AND :to OR decided_date BETWEEN :from AND :to)
                """);
        Query query = FactFilters.restrict(sql, filter, getEntityManager())
                .setParameter("decisionLimit", filter.contactDecisionLimit());
        Object[] row = (Object[]) query.getSingleResult();
        return new ContactCounts(count(row[0]), count(row[1]), count(row[2]), count(row[3]), count(row[4]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
