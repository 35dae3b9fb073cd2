package org.frontdoor.simulator;

import java.time.Instant;

/**
 * Pressure put on the front door on purpose, for a window of simulated time: contacts arriving {@code surge}
 * times faster, and a share of each team's workers absent (set to non-case-holding), so that the queue grows
 * and the alerts fire.
 *
 * @param from    start of the window
 * @param to      end of the window, {@code null} for open-ended
 * @param surge   contact arrival multiplier (1 = none)
 * @param absence share of each team's workers absent (0 = none)
 */
record Pressure(Instant from, Instant to, double surge, double absence) {

    static final Pressure NONE = new Pressure(Instant.MAX, null, 1.0, 0.0);

    boolean covers(Instant instant) {
        return !instant.isBefore(from) && (to == null || instant.isBefore(to));
    }

    boolean any() {
        return surge != 1.0 || absence > 0;
    }
}
