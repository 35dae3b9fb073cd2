package org.frontdoor.kit.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a POST's Idempotency-Key is remembered, and how often forgotten keys are swept away. */
@ConfigMapping(prefix = "frontdoor.idempotency")
public interface IdempotencyConfig {

    /** Keys younger than this replay their first result; at least PT24H, the API's promise to clients. */
    @WithDefault("PT48H")
    Duration retention();

    /** How often keys older than the retention are deleted. */
    @WithDefault("PT1H")
    Duration cleanupInterval();
}
