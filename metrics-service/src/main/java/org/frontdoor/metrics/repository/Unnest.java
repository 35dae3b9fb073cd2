package org.frontdoor.metrics.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.postgresql.PGStatement;

/**
 * Writes and reads many fact rows with one statement, so that a polled batch of events costs a few round
 * trips to the database instead of a few per event. Each column travels as one text array, unnested and
 * cast back to its type on the server.
 */
final class Unnest {

    private Unnest() {
    }

    /**
     * {@code INSERT INTO table (columns) SELECT … FROM unnest(one text array per column)} followed by
     * {@code tail} (its {@code ON CONFLICT} clause).
     *
     * @param columns the target columns as {@code name type} pairs separated by commas, in row order
     */
    static String insert(String table, String columns, String tail) {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner casts = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        for (String column : columns.trim().split("\\s*,\\s*")) {
            String[] nameAndType = column.split("\\s+");
            names.add(nameAndType[0]);
            casts.add("u." + nameAndType[0] + "::" + nameAndType[1]);
            arrays.add("?::text[]");
        }
        return "INSERT INTO " + table + " (" + names + ") SELECT " + casts + " FROM unnest(" + arrays + ") AS u("
                + names + ") " + tail;
    }

    /**
     * {@link #insert} of {@code columns}, whose first is the table's key, that on a conflict sets the
     * {@code owned} columns (given like {@code columns}; the key among them is left alone) to the new row's.
     */
    static String upsert(String table, String columns, String owned) {
        String[] specs = columns.trim().split("\\s*,\\s*");
        String key = specs[0].split("\\s+")[0];
        StringJoiner sets = new StringJoiner(", ");
        for (String column : owned.trim().split("\\s*,\\s*")) {
            String name = column.split("\\s+")[0];
            if (!name.equals(key)) {
                sets.add(name + " = EXCLUDED." + name);
            }
        }
        return insert(table, columns, "ON CONFLICT (" + key + ") DO UPDATE SET " + sets);
    }

    /** One row's columns followed by more of its columns. */
    static Object[] concat(Object[] columns, Object[] more) {
        Object[] row = Arrays.copyOf(columns, columns.length + more.length);
        System.arraycopy(more, 0, row, columns.length, more.length);
        return row;
    }

    /** Runs a statement whose parameters are the columns of {@code items} as {@code row} lays them out. */
    static <T> void execute(EntityManager entityManager, String sql, List<T> items, Function<T, Object[]> row) {
        List<Object[]> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add(row.apply(item));
        }
        execute(entityManager, sql, rows);
    }

    /** Runs a statement whose parameters are whole columns of {@code rows}, each bound as one text array. */
    static void execute(EntityManager entityManager, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                int width = rows.get(0).length;
                for (int column = 0; column < width; column++) {
                    String[] values = new String[rows.size()];
                    for (int row = 0; row < values.length; row++) {
                        values[row] = text(rows.get(row)[column]);
                    }
                    statement.setArray(column + 1, connection.createArrayOf("text", values));
                }
                statement.executeUpdate();
            }
        });
    }

    /** Runs a query whose one parameter is {@code keys} as a text array; the rows as JDBC returns them. */
    static List<Object[]> select(EntityManager entityManager, String sql, Collection<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> query(connection, sql, keys));
    }

    private static List<Object[]> query(Connection connection, String sql, Collection<?> keys) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql)) {
            statement.setArray(1, connection.createArrayOf("text", keys.stream().map(Unnest::text).toArray()));
            try (ResultSet result = statement.executeQuery()) {
                int width = result.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[width];
                    for (int column = 0; column < width; column++) {
                        row[column] = result.getObject(column + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /**
     * Planned afresh at every execution, never as a server-side prepared statement: a generic plan made while a
     * table was still small (a rebuild or replay into empty facts) would keep scanning it whole once it is large,
     * as a catch-up showed (the re-referral read went from 0.3 to 65 ms a batch). Planning these is cheap next to
     * running them.
     */
    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
