package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the resource look-ups other modules' tests rely on to find schemas and samples. */
class EventSchemasTest {

    @Test
    void everyReferralTypeAndTheAllocationHaveSchemas() {
        Set<String> expected = new HashSet<>(EventTypes.referralTypes());
        expected.add(EventTypes.CASE_ALLOCATED);

        assertEquals(12, expected.size());
        assertEquals(expected, EventSchemas.typesWithSchema());
    }

    @Test
    void everyReferralTypeHasGoldenSamples() {
        for (String type : EventTypes.referralTypes()) {
            assertTrue(EventSchemas.samples(type).size() >= 2, type);
        }
    }

    @Test
    void samplesOfATypeAreTheIndexEntriesInItsFolder() {
        List<String> samples = EventSchemas.samples(EventTypes.CASE_OPENED);

        assertEquals(List.of("samples/frontdoor.case.opened.v1/first-referral.json",
                "samples/frontdoor.case.opened.v1/re-referral.json"), samples);
        assertTrue(EventSchemas.samples(EventTypes.ALERT_RAISED).isEmpty());
    }

    @Test
    void aTypeWithoutSchemaIsReportedNotReturnedAsNull() {
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.schema(EventTypes.ALERT_RAISED));
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.open("samples/nope.json"));
    }
}
