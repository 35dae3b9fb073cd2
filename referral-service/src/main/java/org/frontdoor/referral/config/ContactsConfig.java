package org.frontdoor.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Local choices about how contacts are decided. */
@ConfigMapping(prefix = "frontdoor.contacts")
public interface ContactsConfig {

    /**
     * Whether a decision must carry a rationale (DOMAIN.md: required). An authority loading historic
     * decisions from a case system that did not require one can turn this off; DECISION_RATIONALE then
     * shows the gap.
     */
    @WithDefault("true")
    boolean rationaleRequired();
}
