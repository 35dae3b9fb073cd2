package org.frontdoor.metrics.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.events.ChildProfile;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactFact;
import org.frontdoor.metrics.domain.ContactReceipt;

/**
 * Writes contact facts so that a contact's receipt and decision end in the same row in either order. Each
 * method writes a batch of contacts, all different, with one statement.
 */
@ApplicationScoped
public class ContactFactRepository implements PanacheRepositoryBase<ContactFact, UUID> {

    private static final String RECEIPTS = Unnest.insert("contact_fact", """
                contact_id uuid, child_ref text, team text, source text, channel text, out_of_hours boolean,
                received_at timestamptz, received_date date, decision_due_by date, birth_month text, gender text,
                ethnicity text
                """, """
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
                """);

    private static final String DECISIONS = Unnest.insert("contact_fact", """
                contact_id uuid, child_ref text, team text, source text, received_at timestamptz, received_date date,
                decision_due_by date, decided_at timestamptz, decided_date date, outcome text,
                rationale_recorded boolean, decision_working_days int
                """, """
                ON CONFLICT (contact_id) DO UPDATE SET
                    decided_at = EXCLUDED.decided_at,
                    decided_date = EXCLUDED.decided_date,
                    outcome = EXCLUDED.outcome,
                    rationale_recorded = EXCLUDED.rationale_recorded,
                    decision_working_days = EXCLUDED.decision_working_days
                """);

    /** A contact.received: the receipt and the child as the contact describes it. */
    public record Receipt(ContactReceipt receipt, ChildProfile child) {
    }

    /**
     * A contact.decided.
     *
     * @param workingDays working days from receipt to decision on the service's calendar
     */
    public record Decision(ContactDecision decision, int workingDays) {
    }

    /**
     * The receipt owns the receipt columns and overwrites them (it is the authority on them); it never
     * touches the decision columns, so a decision seen earlier survives.
     */
    public void recordReceipts(List<Receipt> receipts) {
        Unnest.execute(getEntityManager(), RECEIPTS, receipts, row -> {
            ContactReceipt receipt = row.receipt();
            ChildProfile child = row.child();
            return new Object[] { receipt.contactId(), receipt.childRef(), receipt.team(), receipt.source(),
                receipt.channel(), receipt.outOfHours(), receipt.receivedAt(), receipt.receivedDate(),
                receipt.decisionDueBy(), child.birthMonth(), child.gender(), child.ethnicity() };
        });
    }

    /**
     * The decision owns the decision columns and updates only those. It also carries the receipt's team,
     * source, times and due date: they fill a new row when the decision arrives before the receipt (so it
     * counts at once), and are never written over what a receipt wrote. The receipt-only columns (channel,
     * out of hours) stay null until the receipt comes.
     */
    public void recordDecisions(List<Decision> decisions) {
        Unnest.execute(getEntityManager(), DECISIONS, decisions, row -> {
            ContactDecision decision = row.decision();
            return new Object[] { decision.contactId(), decision.childRef(), decision.team(), decision.source(),
                decision.receivedAt(), decision.receivedDate(), decision.decisionDueBy(), decision.decidedAt(),
                decision.decidedDate(), decision.outcome(), decision.rationaleRecorded(), row.workingDays() };
        });
    }
}
