package org.frontdoor.kit.security;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which teams a user may see (ARCHITECTURE.md §4: "a user sees only the teams they belong to where the token
 * carries teams"). A bearer token names them in a claim; the local dev users in configuration.
 */
@ConfigMapping(prefix = "frontdoor.security")
public interface TeamsConfig {

    /** The token claim holding the user's teams: a JSON array of team codes, or one code, or a comma list. */
    @WithDefault("teams")
    String teamsClaim();

    /** Local users' teams, by user name, comma-separated; a user not listed sees every team. */
    Map<String, String> userTeams();
}
