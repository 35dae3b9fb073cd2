package org.frontdoor.kit.clock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which working-day calendar the clocks use, and how far ahead of the server clock a request time may be. */
@ConfigMapping(prefix = "frontdoor.clocks")
public interface ClocksConfig {

    /**
     * A gov.uk bank-holidays JSON file replacing the bundled England and Wales calendar (2010–2030), for
     * a local authority that keeps its own current copy.
     */
    Optional<Path> calendarFile();

    /** A time up to this far in the future is accepted as clock skew between systems; later is refused. */
    @WithDefault("PT5M")
    Duration futureSkew();

    /** The earliest date any request may carry; earlier is a typing mistake, not history. */
    @WithDefault("2000-01-01")
    java.time.LocalDate earliestDate();
}
