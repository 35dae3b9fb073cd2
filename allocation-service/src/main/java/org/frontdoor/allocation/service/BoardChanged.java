package org.frontdoor.allocation.service;

import java.util.Set;

/**
 * Fired after the queue, caseloads or alerts of some teams may have changed (a commit, or an alert evaluation that
 * raised or resolved something): the live board pushes a fresh state to the watchers of those teams and to those
 * watching every team.
 *
 * @param teams the teams concerned, or null for every team
 */
public record BoardChanged(Set<String> teams) {

    /** Anything may have changed (time passing, a worker's team). */
    public static final BoardChanged INSTANCE = new BoardChanged(null);

    public BoardChanged {
        teams = teams == null ? null : Set.copyOf(teams);
    }

    public boolean concerns(String team) {
        return teams == null || teams.contains(team);
    }
}
