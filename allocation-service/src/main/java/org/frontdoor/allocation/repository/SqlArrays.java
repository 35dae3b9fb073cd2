package org.frontdoor.allocation.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * Arrays for set-based statements ({@code INSERT … SELECT * FROM unnest(?::uuid[], ?::text[], …)},
 * {@code WHERE case_id = ANY(?::uuid[])}): one statement for a whole consumer batch instead of one per event. Every
 * value goes as text and PostgreSQL casts it to the column's type ({@code ?::timestamptz[]}), so instants, dates and
 * uuids need no driver-specific array support.
 */
final class SqlArrays {

    private SqlArrays() {
    }

    /** A text array of one field of each row, in order; null fields stay null. */
    static <T> Array texts(Connection connection, Collection<T> rows, Function<T, ?> field) throws SQLException {
        return connection.createArrayOf("text",
                rows.stream().map(field).map(v -> v == null ? null : Objects.toString(v)).toArray(String[]::new));
    }
}
