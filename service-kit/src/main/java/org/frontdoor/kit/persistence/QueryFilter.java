package org.frontdoor.kit.persistence;

import io.quarkus.panache.common.Parameters;

/**
 * Builds the where clause of a list query from optional filters: a filter left out (null) adds nothing,
 * so every list endpoint combines its query parameters the same way.
 */
public final class QueryFilter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters parameters = new Parameters();

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is given. */
    public QueryFilter and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.and(name, value);
        }
        return this;
    }

    /** The where clause followed by {@code orderBy}, e.g. {@code "receivedAt, id"}. */
    public String orderedBy(String orderBy) {
        return where + " order by " + orderBy;
    }

    public Parameters parameters() {
        return parameters;
    }
}
