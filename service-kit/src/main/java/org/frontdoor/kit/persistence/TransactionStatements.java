package org.frontdoor.kit.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * The kit's small fixed writes of every command (outbox row, audit entry, Idempotency-Key) as plain JDBC
 * statements on the connection of the caller's transaction. A Hibernate native query cost several times the
 * statement itself (a query object, its parameters parsed, a bulk-operation clean-up registered for the commit;
 * issue 6). What the native query did that matters is kept: under {@code FlushMode.AUTO} pending entity changes
 * are flushed first, so statements still reach the database in the order the command made them.
 */
@ApplicationScoped
public class TransactionStatements {

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final EntityManager entityManager;

    public TransactionStatements(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code ?} parameters; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs a SELECT with {@code ?} parameters and reads every row. */
    public <T> List<T> query(String sql, RowReader<T> reader, Object... parameters) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(reader.read(result));
                    }
                }
                return rows;
            }
        });
    }

    private Session session() {
        Session session = entityManager.unwrap(Session.class);
        FlushMode mode = session.getHibernateFlushMode();
        if (mode == FlushMode.AUTO || mode == FlushMode.ALWAYS) {
            session.flush();
        }
        return session;
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
