package org.frontdoor.kit.consumer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields a projection needs from an event's data, turning a missing or malformed field into
 * an {@link InvalidEventException} (a dead letter naming the field), never a retry loop.
 */
public final class EventData {

    private EventData() {
    }

    /** Longest text a projection accepts in an id or code field. */
    public static final int MAX_TEXT = 128;

    public static String text(JsonNode data, String field) {
        String value = optionalText(data, field);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is missing");
        }
        return value;
    }

    /** The field as one of the contract's enum values. */
    public static <E extends Enum<E>> E enumValue(JsonNode data, String field, Class<E> type) {
        String value = text(data, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not one of the contract's values");
        }
    }

    /** The field's text, or null when it is absent or JSON null. */
    public static String optionalText(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(field + " is not a string");
        }
        if (value.asText().length() > MAX_TEXT) {
            throw new InvalidEventException(field + " is longer than " + MAX_TEXT + " characters");
        }
        return value.asText();
    }

    public static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not a UUID");
        }
    }

    public static LocalDate date(JsonNode data, String field) {
        try {
            return IsoTimes.date(text(data, field));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not a date");
        }
    }

    public static Instant instant(JsonNode data, String field) {
        try {
            return IsoTimes.instant(text(data, field));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an instant");
        }
    }

    /** The field's instant, or null when it is absent. */
    public static Instant optionalInstant(JsonNode data, String field) {
        return optionalText(data, field) == null ? null : instant(data, field);
    }

    public static boolean bool(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isBoolean()) {
            throw new InvalidEventException(field + " is missing or not true/false");
        }
        return value.booleanValue();
    }

    public static int integer(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidEventException(field + " is missing or not a whole number");
        }
        return value.intValue();
    }
}
