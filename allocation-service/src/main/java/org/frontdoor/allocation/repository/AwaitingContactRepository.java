package org.frontdoor.allocation.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.AlertSnapshot;
import org.frontdoor.allocation.domain.AwaitingContact;
import org.hibernate.Session;

/**
 * Stores contacts from referral-service's events. Both writes are single upserts rather than read-then-write, so
 * that a decision arriving before its contact, or two consumers at once, still converge on one decided row. The
 * consumer writes a whole batch's contacts in one statement of each kind.
 */
@ApplicationScoped
public class AwaitingContactRepository implements PanacheRepositoryBase<AwaitingContact, UUID> {

    /** A contact's columns as its received or decided event carries them; {@code decidedAt} null when received. */
    public record ContactRow(UUID contactId, String childRef, String team, Instant receivedAt, LocalDate decisionDueBy,
            Instant decidedAt) {
    }

    /** A contact was received; a decision already recorded for it is kept. */
    public void received(UUID contactId, String childRef, String team, Instant receivedAt, LocalDate decisionDueBy) {
        receivedAll(List.of(new ContactRow(contactId, childRef, team, receivedAt, decisionDueBy, null)));
    }

    /**
     * A contact was decided. Inserts the whole row when its received event has not arrived yet; otherwise sets only
     * the decision, keeping the first one if a decision is delivered twice.
     */
    public void decided(UUID contactId, String childRef, String team, Instant receivedAt, LocalDate decisionDueBy,
            Instant decidedAt) {
        decidedAll(List.of(new ContactRow(contactId, childRef, team, receivedAt, decisionDueBy, decidedAt)));
    }

    /**
     * {@link #received} for many contacts in one statement. A statement may upsert a row only once, so one row a
     * contact: the last received, which is what one upsert after the other would leave.
     */
    public void receivedAll(Collection<ContactRow> received) {
        Map<UUID, ContactRow> last = new LinkedHashMap<>();
        received.forEach(r -> last.put(r.contactId(), r));
        upsert(last.values(), """
                INSERT INTO awaiting_contact (contact_id, child_ref, team, received_at, decision_due_by)
                SELECT c, r, t, a, d FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::date[],
                    ?::timestamptz[]) AS u (c, r, t, a, d, x)
                ON CONFLICT (contact_id) DO UPDATE SET child_ref = EXCLUDED.child_ref, team = EXCLUDED.team,
                    received_at = EXCLUDED.received_at, decision_due_by = EXCLUDED.decision_due_by
                """);
    }

    /**
     * {@link #decided} for many contacts in one statement. One row a contact: the first decided, which is what one
     * upsert after the other would leave (a later decision never replaces the first, nor the received columns).
     */
    public void decidedAll(Collection<ContactRow> decided) {
        Map<UUID, ContactRow> first = new LinkedHashMap<>();
        decided.forEach(d -> first.putIfAbsent(d.contactId(), d));
        upsert(first.values(), """
                INSERT INTO awaiting_contact (contact_id, child_ref, team, received_at, decision_due_by, decided_at)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::timestamptz[])
                ON CONFLICT (contact_id) DO UPDATE
                    SET decided_at = COALESCE(awaiting_contact.decided_at, EXCLUDED.decided_at)
                """);
    }

    private void upsert(Collection<ContactRow> rows, String sql) {
        if (rows.isEmpty()) {
            return;
        }
        // Plain JDBC on the transaction's connection: no flush of the session first, one round trip.
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                bind(connection, upsert, rows);
                upsert.executeUpdate();
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement statement, Collection<ContactRow> rows)
            throws SQLException {
        statement.setArray(1, SqlArrays.texts(connection, rows, ContactRow::contactId));
        statement.setArray(2, SqlArrays.texts(connection, rows, ContactRow::childRef));
        statement.setArray(3, SqlArrays.texts(connection, rows, ContactRow::team));
        statement.setArray(4, SqlArrays.texts(connection, rows, ContactRow::receivedAt));
        statement.setArray(5, SqlArrays.texts(connection, rows, ContactRow::decisionDueBy));
        statement.setArray(6, SqlArrays.texts(connection, rows, ContactRow::decidedAt));
    }

    /**
     * Contacts of these teams (null: every team) not decided yet and due before {@code today}, earliest due first:
     * those the decision-overdue alert can concern, as projections.
     */
    public List<AlertSnapshot.UndecidedContact> overdue(LocalDate today, Collection<String> teams) {
        return TeamCondition.bind(getEntityManager().createQuery("select c.contactId, c.childRef, c.team,"
                + " c.decisionDueBy from AwaitingContact c where c.decidedAt is null and c.decisionDueBy < :today"
                + TeamCondition.in("c.team", teams) + " order by c.decisionDueBy, c.contactId",
                AlertSnapshot.UndecidedContact.class), teams).setParameter("today", today).getResultList();
    }
}
