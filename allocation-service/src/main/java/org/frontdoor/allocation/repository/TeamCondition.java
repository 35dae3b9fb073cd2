package org.frontdoor.allocation.repository;

import java.util.Collection;

import jakarta.persistence.TypedQuery;

/**
 * The optional team condition of the reads that serve either some teams (a push of the boards a change touched, an
 * evaluation of the teams a batch touched) or every team (null): one query string for each, never a condition the
 * planner must see through.
 */
final class TeamCondition {

    private TeamCondition() {
    }

    /** {@code " and <path> in :teams"}, or nothing for every team. */
    static String in(String path, Collection<String> teams) {
        return teams == null ? "" : " and " + path + " in :teams";
    }

    /** Binds the teams of {@link #in}, if any. */
    static <T> TypedQuery<T> bind(TypedQuery<T> query, Collection<String> teams) {
        return teams == null ? query : query.setParameter("teams", teams);
    }
}
