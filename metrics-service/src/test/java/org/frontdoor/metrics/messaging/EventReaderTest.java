package org.frontdoor.metrics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.EventSchemas;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.consumer.InvalidEventException;
import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.frontdoor.metrics.domain.Referral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consumer reads every golden sample of the contract and refuses data that breaks it, naming the field. */
class EventReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyGoldenSampleOfAConsumedTypeIsRead() throws IOException {
        int read = 0;
        for (String type : new String[] { EventTypes.CONTACT_RECEIVED, EventTypes.CONTACT_DECIDED,
                EventTypes.CASE_OPENED, EventTypes.CASE_ALLOCATED }) {
            for (String sample : EventSchemas.samples(type)) {
                JsonNode data = sampleData(sample);
                switch (type) {
                    case EventTypes.CONTACT_RECEIVED -> EventReader.contactReceipt(data);
                    case EventTypes.CONTACT_DECIDED -> EventReader.contactDecision(data);
                    case EventTypes.CASE_OPENED -> EventReader.referral(data);
                    default -> EventReader.allocation(data);
                }
                read++;
            }
        }
        assertTrue(read >= 10, "expected the golden samples of four types, read " + read);
    }

    @Test
    void aReceiptCarriesTheContactAndItsLondonDate() throws IOException {
        ContactReceipt receipt = EventReader.contactReceipt(
                sampleData("samples/frontdoor.contact.received.v1/full.json"));

        assertEquals(UUID.fromString("c41f8e62-0d3a-4a7b-9e15-6b2d8f3c7a20"), receipt.contactId());
        assertEquals("edt", receipt.team());
        assertEquals("6", receipt.source());
        assertEquals(Channel.PHONE, receipt.channel());
        assertTrue(receipt.outOfHours());
        assertEquals(Instant.parse("2024-03-09T23:40:00Z"), receipt.receivedAt());
        assertEquals(LocalDate.parse("2024-03-09"), receipt.receivedDate());
        assertEquals(LocalDate.parse("2024-03-11"), receipt.decisionDueBy());
    }

    @Test
    void aDecisionCarriesItsOutcomeAndRationaleFlag() throws IOException {
        ContactDecision decision = EventReader.contactDecision(
                sampleData("samples/frontdoor.contact.decided.v1/no-further-action.json"));

        assertEquals(ContactOutcome.NO_FURTHER_ACTION, decision.outcome());
        assertFalse(decision.rationaleRecorded());
        assertEquals(Instant.parse("2024-03-09T23:40:00Z"), decision.receivedAt());
        assertEquals(LocalDate.parse("2024-03-13"), decision.decidedDate());
    }

    @Test
    void aReferralAndAnAllocationAreRead() throws IOException {
        Referral referral = EventReader.referral(sampleData("samples/frontdoor.case.opened.v1/re-referral.json"));
        assertTrue(referral.reReferral());
        assertEquals(1, referral.referralsInPrevious12Months());
        assertEquals(LocalDate.parse("2024-10-21"), referral.referralDate());

        Allocation first = EventReader.allocation(
                sampleData("samples/frontdoor.case.allocated.v1/first-allocation.json"));
        assertNull(first.previousWorkerId());
        Allocation reallocation = EventReader.allocation(
                sampleData("samples/frontdoor.case.allocated.v1/reallocation-over-threshold.json"));
        assertEquals("sw-017", reallocation.previousWorkerId());
        assertTrue(reallocation.thresholdOverridden());
    }

    @ParameterizedTest(name = "a receipt without {0} is refused")
    @ValueSource(strings = { "contactId", "childRef", "occurredAt", "source", "channel", "outOfHours", "team",
            "decisionDueBy" })
    void aReceiptMissingARequiredFieldIsRefusedNamingIt(String field) throws IOException {
        ObjectNode data = (ObjectNode) sampleData("samples/frontdoor.contact.received.v1/minimal.json");
        data.remove(field);

        InvalidEventException refused = assertThrows(InvalidEventException.class,
                () -> EventReader.contactReceipt(data));
        assertTrue(refused.getMessage().startsWith(field + " "), refused.getMessage());
    }

    @ParameterizedTest(name = "a decision without {0} is refused")
    @ValueSource(strings = { "contactId", "occurredAt", "receivedAt", "team", "source", "outcome",
            "rationaleRecorded", "decisionDueBy" })
    void aDecisionMissingARequiredFieldIsRefusedNamingIt(String field) throws IOException {
        ObjectNode data = (ObjectNode) sampleData("samples/frontdoor.contact.decided.v1/referral.json");
        data.putNull(field);

        InvalidEventException refused = assertThrows(InvalidEventException.class,
                () -> EventReader.contactDecision(data));
        assertTrue(refused.getMessage().startsWith(field + " "), refused.getMessage());
    }

    @Test
    void valuesOutsideTheContractAreRefusedWithoutEchoingThem() throws IOException {
        ObjectNode badSource = (ObjectNode) sampleData("samples/frontdoor.contact.received.v1/minimal.json");
        badSource.put("source", "11");
        assertEquals("source is not a census source code",
                assertThrows(InvalidEventException.class, () -> EventReader.contactReceipt(badSource)).getMessage());

        ObjectNode badOutcome = (ObjectNode) sampleData("samples/frontdoor.contact.decided.v1/referral.json");
        badOutcome.put("outcome", "MAYBE");
        assertThrows(InvalidEventException.class, () -> EventReader.contactDecision(badOutcome));

        ObjectNode badId = (ObjectNode) sampleData("samples/frontdoor.case.opened.v1/first-referral.json");
        badId.put("caseId", "CH-000184");
        InvalidEventException refused = assertThrows(InvalidEventException.class, () -> EventReader.referral(badId));
        assertFalse(refused.getMessage().contains("CH-000184"));

        ObjectNode badTime = (ObjectNode) sampleData("samples/frontdoor.case.allocated.v1/first-allocation.json");
        badTime.put("occurredAt", "yesterday");
        assertThrows(InvalidEventException.class, () -> EventReader.allocation(badTime));

        ObjectNode badFlag = (ObjectNode) sampleData("samples/frontdoor.contact.received.v1/minimal.json");
        badFlag.put("outOfHours", "no");
        assertThrows(InvalidEventException.class, () -> EventReader.contactReceipt(badFlag));
    }

    private static JsonNode sampleData(String resource) throws IOException {
        try (InputStream in = EventSchemas.open(resource)) {
            return JSON.readTree(in).get("data");
        }
    }
}
