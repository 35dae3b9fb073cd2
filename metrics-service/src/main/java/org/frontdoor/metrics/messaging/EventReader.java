package org.frontdoor.metrics.messaging;

import static org.frontdoor.kit.consumer.EventData.bool;
import static org.frontdoor.kit.consumer.EventData.date;
import static org.frontdoor.kit.consumer.EventData.enumValue;
import static org.frontdoor.kit.consumer.EventData.instant;
import static org.frontdoor.kit.consumer.EventData.integer;
import static org.frontdoor.kit.consumer.EventData.optionalText;
import static org.frontdoor.kit.consumer.EventData.text;
import static org.frontdoor.kit.consumer.EventData.uuid;

import com.fasterxml.jackson.databind.JsonNode;

import org.frontdoor.events.Channel;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.SourceCodes;
import org.frontdoor.kit.consumer.InvalidEventException;
import org.frontdoor.metrics.domain.Allocation;
import org.frontdoor.metrics.domain.ContactDecision;
import org.frontdoor.metrics.domain.ContactReceipt;
import org.frontdoor.metrics.domain.Referral;

/**
 * Reads the contract's event data (the JSON Schemas in event-contracts) into the facts' domain records.
 * Data that breaks the contract can never be counted, so it is refused with {@link InvalidEventException}
 * and goes to the dead-letter topic; the reason names the field, never its value.
 */
final class EventReader {

    private EventReader() {
    }

    /** Data of {@code frontdoor.contact.received.v1}. */
    static ContactReceipt contactReceipt(JsonNode data) {
        return new ContactReceipt(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"),
                source(data), enumValue(data, "channel", Channel.class), bool(data, "outOfHours"),
                instant(data, "occurredAt"), date(data, "decisionDueBy"));
    }

    /** Data of {@code frontdoor.contact.decided.v1}. */
    static ContactDecision contactDecision(JsonNode data) {
        return new ContactDecision(uuid(data, "contactId"), text(data, "childRef"), text(data, "team"), source(data),
                instant(data, "receivedAt"), date(data, "decisionDueBy"), instant(data, "occurredAt"),
                enumValue(data, "outcome", ContactOutcome.class), bool(data, "rationaleRecorded"));
    }

    /** Data of {@code frontdoor.case.opened.v1}. */
    static Referral referral(JsonNode data) {
        int previous = integer(data, "referralsInPrevious12Months");
        if (previous < 0) {
            throw new InvalidEventException("referralsInPrevious12Months must not be negative");
        }
        return new Referral(uuid(data, "caseId"), text(data, "childRef"), uuid(data, "contactId"), text(data, "team"),
                source(data), instant(data, "occurredAt"), date(data, "referralDate"), bool(data, "reReferral"),
                previous);
    }

    /** Data of {@code frontdoor.case.allocated.v1}. */
    static Allocation allocation(JsonNode data) {
        return new Allocation(uuid(data, "caseId"), text(data, "workerId"), text(data, "team"),
                instant(data, "occurredAt"), bool(data, "thresholdOverridden"), optionalText(data, "previousWorkerId"));
    }

    private static String source(JsonNode data) {
        String source = text(data, "source");
        if (!SourceCodes.isValid(source)) {
            throw new InvalidEventException("source is not a census source code");
        }
        return source;
    }
}
