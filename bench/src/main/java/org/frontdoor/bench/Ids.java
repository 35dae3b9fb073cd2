package org.frontdoor.bench;

import java.util.UUID;

import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Ids for the rows and events the benchmark makes in the services' place: time-ordered, from the generator
 * the services use (service-kit's {@code TimeOrderedIds}), so indexes grow as they would in production.
 */
final class Ids {

    private Ids() {
    }

    static UUID next() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}
