package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the resource look-ups other modules' tests rely on to find schemas and samples. */
class EventSchemasTest {

    /** A well-formed type name that is not part of the contract. */
    private static final String UNKNOWN_TYPE = "frontdoor.nothing.happened.v1";

    @Test
    void everyEventTypeOfBothServicesHasASchema() {
        assertEquals(16, EventSchemas.typesWithSchema().size());
        assertEquals(EventTypes.all(), EventSchemas.typesWithSchema());
        assertTrue(EventSchemas.typesWithSchema().containsAll(EventTypes.allocationTypes()));
    }

    @Test
    void everyEventTypeHasGoldenSamples() {
        for (String type : EventTypes.all()) {
            assertTrue(EventSchemas.samples(type).size() >= 2, type);
        }
    }

    @Test
    void samplesOfATypeAreTheIndexEntriesInItsFolder() {
        List<String> samples = EventSchemas.samples(EventTypes.CASE_OPENED);

        assertEquals(List.of("samples/frontdoor.case.opened.v1/first-referral.json",
                "samples/frontdoor.case.opened.v1/re-referral.json"), samples);
        assertEquals(List.of("samples/frontdoor.case.deallocated.v1/case-closed.json",
                "samples/frontdoor.case.deallocated.v1/manager-request.json",
                "samples/frontdoor.case.deallocated.v1/worker-left-back-to-queue.json"),
                EventSchemas.samples(EventTypes.CASE_DEALLOCATED));
        assertTrue(EventSchemas.samples(EventTypes.ALERT_RAISED).stream()
                .allMatch(name -> name.startsWith("samples/frontdoor.alert.raised.v1/")));
        assertTrue(EventSchemas.samples(UNKNOWN_TYPE).isEmpty());
    }

    @Test
    void aTypeWithoutSchemaIsReportedNotReturnedAsNull() {
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.schema(UNKNOWN_TYPE));
        assertFalse(EventSchemas.hasSchema(UNKNOWN_TYPE));
        assertThrows(IllegalArgumentException.class, () -> EventSchemas.open("samples/nope.json"));
    }
}
