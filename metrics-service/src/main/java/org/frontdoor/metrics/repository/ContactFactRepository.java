package org.frontdoor.metrics.repository;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.events.ChildProfile;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactFact;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.hibernate.query.NativeQuery;

/**
 * Writes contact facts so that a contact's receipt and decision end in the same row in either order.
 */
@ApplicationScoped
public class ContactFactRepository implements PanacheRepositoryBase<ContactFact, UUID> {

    /**
     * The receipt owns the receipt columns and overwrites them (it is the authority on them); it never
     * touches the decision columns, so a decision seen earlier survives.
     */
    public void recordReceipt(ContactReceipt receipt, ChildProfile child) {
        getEntityManager().createNativeQuery("""
                INSERT INTO contact_fact (contact_id, child_ref, team, source, channel, out_of_hours, received_at,
                                          received_date, decision_due_by, birth_month, gender, ethnicity)
                VALUES (:contactId, :childRef, :team, :source, :channel, :outOfHours, :receivedAt,
                        :receivedDate, :decisionDueBy, :birthMonth, :gender, :ethnicity)
                ON CONFLICT (contact_id) DO UPDATE SET
                    child_ref = EXCLUDED.child_ref,
                    team = EXCLUDED.team,
                    source = EXCLUDED.source,
                    channel = EXCLUDED.channel,
                    out_of_hours = EXCLUDED.out_of_hours,
                    received_at = EXCLUDED.received_at,
                    received_date = EXCLUDED.received_date,
                    decision_due_by = EXCLUDED.decision_due_by,
                    birth_month = EXCLUDED.birth_month,
                    gender = EXCLUDED.gender,
                    ethnicity = EXCLUDED.ethnicity
                """)
                .unwrap(NativeQuery.class)
                .setParameter("contactId", receipt.contactId())
                .setParameter("childRef", receipt.childRef())
                .setParameter("team", receipt.team())
                .setParameter("source", receipt.source())
                .setParameter("channel", receipt.channel().name())
                .setParameter("outOfHours", receipt.outOfHours())
                .setParameter("receivedAt", receipt.receivedAt())
                .setParameter("receivedDate", receipt.receivedDate())
                .setParameter("decisionDueBy", receipt.decisionDueBy())
                .setParameter("birthMonth", child.birthMonth(), String.class)
                .setParameter("gender", child.gender(), String.class)
                .setParameter("ethnicity", child.ethnicity(), String.class)
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
}
