package org.frontdoor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.frontdoor.events.ContractValidator;
import org.frontdoor.events.EventTypes;
import org.junit.jupiter.api.Test;

/** Keeps the tests honest: the event data they publish must be what the contract allows. */
class TestEventsContractTest {

    private final TestEvents.Contact contact = TestEvents.Contact.of("north", "6", "2024-03-04T09:00:00Z",
            "2024-03-05");
    private final String caseId = UUID.randomUUID().toString();

    @Test
    void contactReceivedMatchesTheSchema() {
        assertValid(EventTypes.CONTACT_RECEIVED, contact.received());
    }

    @Test
    void contactDecidedMatchesTheSchemaWithAndWithoutACase() {
        assertValid(EventTypes.CONTACT_DECIDED, contact.decided("REFERRAL", "2024-03-05T10:00:00Z", true, 1, caseId));
        assertValid(EventTypes.CONTACT_DECIDED,
                contact.decided("NO_FURTHER_ACTION", "2024-03-05T10:00:00Z", false, 1, null));
    }

    @Test
    void caseOpenedMatchesTheSchema() {
        assertValid(EventTypes.CASE_OPENED, contact.caseOpened(caseId, "2024-03-05T10:00:00Z", "2024-03-05", 1));
    }

    @Test
    void caseAllocatedMatchesTheSchema() {
        assertValid(EventTypes.CASE_ALLOCATED,
                TestEvents.caseAllocated(caseId, contact.childRef(), "sw-1", "north", "2024-03-06T09:00:00Z", null));
        assertValid(EventTypes.CASE_ALLOCATED,
                TestEvents.caseAllocated(caseId, contact.childRef(), "sw-2", "north", "2024-03-07T09:00:00Z", "sw-1"));
    }

    @Test
    void theValidatorRejectsDataThatBreaksTheContract() {
        String withoutContactId = contact.received().replaceFirst("\"contactId\": \"[^\"]+\", ", "");
        assertEquals(false, errors(EventTypes.CONTACT_RECEIVED, withoutContactId).isEmpty());
    }

    private static void assertValid(String type, String json) {
        assertEquals(List.of(), errors(type, json), type);
    }

    private static List<String> errors(String type, String json) {
        return ContractValidator.validateData(type, json);
    }
}
