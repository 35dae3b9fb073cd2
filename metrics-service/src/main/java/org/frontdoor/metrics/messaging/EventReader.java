package org.frontdoor.metrics.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

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

    private static final int MAX_CODE = 128;

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

    private static JsonNode required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException(field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = required(data, field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidEventException(field + " must be a non-blank string");
        }
        if (value.asText().length() > MAX_CODE) {
            throw new InvalidEventException(field + " is longer than " + MAX_CODE + " characters");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : text(data, field);
    }

    private static String source(JsonNode data) {
        String source = text(data, "source");
        if (!SourceCodes.isValid(source)) {
            throw new InvalidEventException("source is not a census source code");
        }
        return source;
    }

    private static UUID uuid(JsonNode data, String field) {
        String value = text(data, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode data, String field) {
        try {
            return Instant.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO-8601 instant");
        }
    }

    private static LocalDate date(JsonNode data, String field) {
        try {
            return LocalDate.parse(text(data, field));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not a date YYYY-MM-DD");
        }
    }

    private static boolean bool(JsonNode data, String field) {
        JsonNode value = required(data, field);
        if (!value.isBoolean()) {
            throw new InvalidEventException(field + " must be true or false");
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode data, String field) {
        JsonNode value = required(data, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidEventException(field + " must be a whole number");
        }
        return value.intValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode data, String field, Class<E> type) {
        String value = text(data, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not one of the contract's values");
        }
    }
}
