package org.frontdoor.kit.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7UuidsStampedWithTheTimeTheyWereMade() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, id + " carries " + millis);
    }

    @Test
    void eachIdSortsAfterTheOneBeforeItAsPostgresqlComparesThem() {
        // PostgreSQL orders uuids by their bytes, unsigned: so does this comparison (UUID.compareTo is signed).
        Set<UUID> seen = new HashSet<>();
        UUID previous = TimeOrderedIds.next();
        for (int i = 0; i < 200_000; i++) {
            UUID next = TimeOrderedIds.next();
            int order = Long.compareUnsigned(next.getMostSignificantBits(), previous.getMostSignificantBits());
            if (order == 0) {
                order = Long.compareUnsigned(next.getLeastSignificantBits(), previous.getLeastSignificantBits());
            }
            assertTrue(order > 0, next + " does not sort after " + previous);
            assertTrue(seen.add(next));
            previous = next;
        }
    }
}
