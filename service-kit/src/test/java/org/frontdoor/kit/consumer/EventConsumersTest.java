package org.frontdoor.kit.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How many consumer loops a service runs, given what it asks for and its topics' partition counts. */
class EventConsumersTest {

    @Test
    void coPartitionedTopicsRunTheLoopsAskedFor() {
        assertEquals(2, EventConsumers.loops(2, counts(6, 6)));
        assertEquals(1, EventConsumers.loops(1, counts(6, 6)));
        assertEquals(4, EventConsumers.loops(4, counts(6)));
    }

    @Test
    void moreLoopsThanPartitionsWouldIdleSoTheyAreCapped() {
        assertEquals(6, EventConsumers.loops(8, counts(6, 6)));
        assertEquals(1, EventConsumers.loops(3, counts(1, 1)));
    }

    @Test
    void topicsWithDifferentPartitionCountsRunOneLoopSoAChildsEventsStayTogether() {
        // With 6 and 3 partitions a key hashes to different partition numbers on the two topics, and the range
        // assignor would hand them to different loops: a case's opening and its allocation could then be written
        // in two concurrent transactions, neither seeing the other's row, and the case would lose its allocation.
        assertEquals(1, EventConsumers.loops(2, counts(6, 3)));
        assertEquals(1, EventConsumers.loops(2, counts(6, 6, 12)));
    }

    private static Map<String, Integer> counts(int... partitions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < partitions.length; i++) {
            counts.put("topic-" + i, partitions[i]);
        }
        return counts;
    }
}
