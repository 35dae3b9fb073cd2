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

    /** What a receipt says of a contact (the key first); the receipt owns these columns. */
    private static final String RECEIPT_COLUMNS = """
            contact_id uuid, child_ref text, team text, source text, channel text, out_of_hours boolean,
            received_at timestamptz, received_date date, decision_due_by date, birth_month text, gender text,
            ethnicity text
            """;
    /** What only a decision says; the decision owns these columns. */
    private static final String DECISION_COLUMNS = """
            decided_at timestamptz, decided_date date, outcome text, rationale_recorded boolean,
            decision_working_days int
            """;

    private static final String RECEIPTS = Unnest.upsert("contact_fact", RECEIPT_COLUMNS, RECEIPT_COLUMNS);

    private static final String DECISIONS = Unnest.upsert("contact_fact", """
            contact_id uuid, child_ref text, team text, source text, received_at timestamptz, received_date date,
            decision_due_by date,
            """ + DECISION_COLUMNS, DECISION_COLUMNS);

    private static final String RECEIPTS_AND_DECISIONS = Unnest.upsert("contact_fact",
            RECEIPT_COLUMNS + "," + DECISION_COLUMNS, RECEIPT_COLUMNS + "," + DECISION_COLUMNS);

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

    /** A contact's receipt and decision that came in the same batch. */
    public record ReceiptAndDecision(Receipt receipt, Decision decision) {
    }

    /**
     * The receipt owns the receipt columns and overwrites them (it is the authority on them); it never
     * touches the decision columns, so a decision seen earlier survives.
     */
    public void recordReceipts(List<Receipt> receipts) {
        Unnest.execute(getEntityManager(), RECEIPTS, receipts, ContactFactRepository::receiptColumns);
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
            return Unnest.concat(new Object[] { decision.contactId(), decision.childRef(), decision.team(),
                decision.source(), decision.receivedAt(), decision.receivedDate(), decision.decisionDueBy() },
                    decisionColumns(row));
        });
    }

    /**
     * Contacts whose receipt and decision came in the same batch: each is one row written once, with the receipt's
     * columns and the decision's, instead of an insert and then an update of every index. It ends as the
     * receipt followed by the decision (or the other way round) would leave it, since each owns its columns.
     */
    public void recordReceiptsWithDecisions(List<ReceiptAndDecision> contacts) {
        Unnest.execute(getEntityManager(), RECEIPTS_AND_DECISIONS, contacts,
                both -> Unnest.concat(receiptColumns(both.receipt()), decisionColumns(both.decision())));
    }

    /** {@link #RECEIPT_COLUMNS} of a receipt. */
    private static Object[] receiptColumns(Receipt row) {
        ContactReceipt receipt = row.receipt();
        ChildProfile child = row.child();
        return new Object[] { receipt.contactId(), receipt.childRef(), receipt.team(), receipt.source(),
            receipt.channel(), receipt.outOfHours(), receipt.receivedAt(), receipt.receivedDate(),
            receipt.decisionDueBy(), child.birthMonth(), child.gender(), child.ethnicity() };
    }

    /** {@link #DECISION_COLUMNS} of a decision. */
    private static Object[] decisionColumns(Decision row) {
        ContactDecision decision = row.decision();
        return new Object[] { decision.decidedAt(), decision.decidedDate(), decision.outcome(),
            decision.rationaleRecorded(), row.workingDays() };
    }
}
