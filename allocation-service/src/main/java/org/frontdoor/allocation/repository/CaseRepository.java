package org.frontdoor.allocation.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.CaseStatus;
import org.hibernate.Session;

/**
 * Stores cases as allocation sees them and reads the unallocated queue, as projections rather than entities. The
 * consumer reads, inserts and closes a whole batch's cases set-based, in plain JDBC on the transaction's connection (no
 * session flush first).
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    /** What the consumer needs to know of a stored case. */
    public record CaseRow(UUID caseId, String team, CaseStatus status, String workerId) {

        public CaseRow closed() {
            return new CaseRow(caseId, team, CaseStatus.CLOSED, null);
        }
    }

    /** The queue: open cases nobody holds (the partial index {@code allocation_case_queue}). */
    private static final String UNALLOCATED = " where c.status = :open and c.workerId is null";

    /** A case in the queue, as the board and {@code GET /queue} show it: read as a projection, never an entity. */
    public record QueuedCase(UUID caseId, String childRef, String team, LocalDate referralDate,
            Instant waitingSince) {
    }

    /** A team's queue in numbers: cases waiting, and when the longest waiting one began to wait. */
    public record QueueSize(String team, long waiting, Instant longestWaitingSince) {
    }

    /** Open cases nobody holds in these teams (null: every team), longest waiting first (by team when given). */
    public List<QueuedCase> queue(Collection<String> teams) {
        return queued("", null, teams);
    }

    /**
     * {@link #queue} narrowed to the cases waiting since before {@code before}: those a waiting-time alert can
     * concern, without reading the rest of the queue.
     */
    public List<QueuedCase> queuedBefore(Instant before, Collection<String> teams) {
        return queued(" and c.waitingSince < :before", before, teams);
    }

    private List<QueuedCase> queued(String condition, Instant before, Collection<String> teams) {
        String where = UNALLOCATED + condition + TeamCondition.in("c.team", teams);
        String order = teams == null ? " order by c.waitingSince, c.caseId"
                : " order by c.team, c.waitingSince, c.caseId";
        TypedQuery<QueuedCase> query = getEntityManager().createQuery("select c.caseId, c.childRef, c.team,"
                + " c.referralDate, c.waitingSince from AllocationCase c" + where + order, QueuedCase.class);
        if (before != null) {
            query.setParameter("before", before);
        }
        return TeamCondition.bind(query, teams).setParameter("open", CaseStatus.OPEN).getResultList();
    }

    /** The queue of each of these teams (null: every team) that has a case waiting, counted. */
    public List<QueueSize> queueSizes(Collection<String> teams) {
        String where = UNALLOCATED + TeamCondition.in("c.team", teams);
        return TeamCondition.bind(getEntityManager().createQuery("select c.team, count(c), min(c.waitingSince)"
                + " from AllocationCase c" + where + " group by c.team", QueueSize.class), teams)
                .setParameter("open", CaseStatus.OPEN).getResultList();
    }

    /**
     * The stored ones among these cases, locked until the transaction ends — in case id order, so two batches
     * never wait for each other in a circle; a request locks one case, then its worker, so that order holds too.
     */
    public Map<UUID, CaseRow> lockAll(Collection<UUID> caseIds) {
        Map<UUID, CaseRow> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT case_id, team, status, worker_id FROM allocation_case WHERE case_id = ANY(?::uuid[])
                    ORDER BY case_id FOR UPDATE
                    """)) {
                select.setArray(1, SqlArrays.texts(connection, caseIds, id -> id));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        UUID caseId = rows.getObject(1, UUID.class);
                        found.put(caseId, new CaseRow(caseId, rows.getString(2),
                                CaseStatus.valueOf(rows.getString(3)), rows.getString(4)));
                    }
                }
            }
        });
        return found;
    }

    /** Inserts new cases, unallocated (open or already closed), in one statement. */
    public void insertAll(Collection<Case> cases) {
        if (cases.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO allocation_case (case_id, child_ref, team, referral_date, opened_at, status,
                        waiting_since)
                    SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::timestamptz[], ?::text[],
                        ?::timestamptz[])
                    """)) {
                insert.setArray(1, SqlArrays.texts(connection, cases, Case::caseId));
                insert.setArray(2, SqlArrays.texts(connection, cases, Case::childRef));
                insert.setArray(3, SqlArrays.texts(connection, cases, Case::team));
                insert.setArray(4, SqlArrays.texts(connection, cases, Case::referralDate));
                insert.setArray(5, SqlArrays.texts(connection, cases, Case::openedAt));
                insert.setArray(6, SqlArrays.texts(connection, cases, c -> c.status().name()));
                insert.setArray(7, SqlArrays.texts(connection, cases, Case::waitingSince));
                insert.executeUpdate();
            }
        });
    }

    /** Closes open cases nobody holds (as {@link Case#close()} does), in one statement. */
    public void closeAllUnallocated(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE allocation_case SET status = 'CLOSED', version = version + 1
                    WHERE case_id = ANY(?::uuid[]) AND status = 'OPEN' AND worker_id IS NULL
                    """)) {
                update.setArray(1, SqlArrays.texts(connection, caseIds, id -> id));
                update.executeUpdate();
            }
        });
    }
}
