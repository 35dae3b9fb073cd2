package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the resource look-ups other modules' tests rely on to find schemas and samples. */
class EventSchemasTest {

    @Test
    void theFourFirstReleaseTypesHaveSchemas() {
        assertEquals(Set.of(EventTypes.CONTACT_RECEIVED, EventTypes.CONTACT_DECIDED, EventTypes.CASE_OPENED,
                EventTypes.CASE_ALLOCATED), EventSchemas.typesWithSchema());
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
