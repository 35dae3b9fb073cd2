package org.frontdoor.kit.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.frontdoor.kit.problem.ForbiddenProblem;
import org.frontdoor.kit.problem.InvalidFieldProblem;
import org.frontdoor.kit.problem.NotFoundProblem;

/**
 * The teams the signed-in user may see, for the request. A user whose token (or local configuration) names
 * no teams sees every team; one that names teams sees only those: a list or number is narrowed to them, and
 * one item of another team is "not found", so its existence is not revealed either.
 */
@RequestScoped
public class TeamScope {

    private final Set<String> teams;

    public TeamScope(SecurityIdentity identity, TeamsConfig config) {
        this.teams = teamsOf(identity, config);
    }

    /** The user's teams, or an empty set when the user is not restricted to any. */
    public Set<String> teams() {
        return teams;
    }

    public boolean restricted() {
        return !teams.isEmpty();
    }

    /**
     * The team filter to apply for a requested one (null or blank = every team): the requested team when the user may see
     * it; for a user of one team asking for every team, that team; otherwise a problem naming the user's teams.
     */
    public String filter(String requested) {
        if (requested != null && requested.isBlank()) {
            requested = null;
        }
        if (!restricted()) {
            return requested;
        }
        if (requested == null) {
            if (teams.size() == 1) {
                return teams.iterator().next();
            }
            throw new InvalidFieldProblem("team", "is required for a user of several teams: choose one of "
                    + String.join(", ", teams));
        }
        if (!teams.contains(requested)) {
            throw new ForbiddenProblem("Your account sees the teams " + String.join(", ", teams) + ", not "
                    + requested);
        }
        return requested;
    }

    /** Refuses, as "not found", an item of a team the user may not see. */
    public void requireVisible(String itemTeam, String what, Object id) {
        if (restricted() && !teams.contains(itemTeam)) {
            throw new NotFoundProblem(what, id);
        }
    }

    /**
     * As {@link #requireVisible(String, String, Object)}, looking the item's team up only for a restricted user (an
     * unknown item gives null, which no user sees).
     */
    public void requireVisible(Supplier<String> itemTeam, String what, Object id) {
        if (restricted()) {
            requireVisible(itemTeam.get(), what, id);
        }
    }

    /** Whether the user may see an item of this team. */
    public boolean sees(String itemTeam) {
        return !restricted() || teams.contains(itemTeam);
    }

    static Set<String> teamsOf(SecurityIdentity identity, TeamsConfig config) {
        Set<String> teams = new TreeSet<>();
        if (identity == null || identity.isAnonymous()) {
            return teams;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(config.teamsClaim());
            if (claim instanceof Collection<?> values) {
                values.forEach(value -> addAll(teams, unquote(String.valueOf(value))));
            } else if (claim != null) {
                addAll(teams, unquote(String.valueOf(claim)));
            }
            return teams;
        }
        String configured = config.userTeams().get(identity.getPrincipal().getName());
        if (configured != null) {
            addAll(teams, configured);
        }
        return teams;
    }

    private static void addAll(Set<String> teams, String commaList) {
        Arrays.stream(commaList.split(",")).map(String::strip).filter(team -> !team.isEmpty()).forEach(teams::add);
    }

    /** A JSON string value of a claim array comes with its quotes. */
    private static String unquote(String value) {
        String stripped = value.strip();
        return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                ? stripped.substring(1, stripped.length() - 1) : stripped;
    }
}
