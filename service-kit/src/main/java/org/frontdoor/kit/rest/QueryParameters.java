package org.frontdoor.kit.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.frontdoor.kit.problem.InvalidFieldProblem;

/**
 * Parses query parameters that JAX-RS would turn into a bare 404 when malformed (dates, ids, paging), so
 * a caller gets a 400 problem naming the parameter instead.
 */
public final class QueryParameters {

    /** Largest page any list answers; a bigger request is refused rather than silently cut. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 50;

    private QueryParameters() {
    }

    /** A date {@code YYYY-MM-DD}, or null when absent. */
    public static LocalDate optionalDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldProblem(name, "must be a date YYYY-MM-DD");
        }
    }

    /** A UUID, or null when absent. */
    public static UUID optionalUuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldProblem(name, "must be a UUID");
        }
    }

    /** An enum constant by its exact name, or null when absent. */
    public static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name());
            }
            throw new InvalidFieldProblem(name, "must be one of " + allowed);
        }
    }

    /** The period {@code from..to}, refusing one that ends before it starts. */
    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldProblem("from", "must not be after to (" + to + ")");
        }
    }

    /** A page request: 0-based page, size 1..{@value #MAX_PAGE_SIZE} (default {@value #DEFAULT_PAGE_SIZE}). */
    public static Page page(String page, String size) {
        int number = wholeNumber("page", page, 0);
        int count = wholeNumber("size", size, DEFAULT_PAGE_SIZE);
        if (number < 0) {
            throw new InvalidFieldProblem("page", "must be 0 or more");
        }
        if (count < 1 || count > MAX_PAGE_SIZE) {
            throw new InvalidFieldProblem("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new Page(number, count);
    }

    private static int wholeNumber(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldProblem(name, "must be a whole number");
        }
    }

    /** Which slice of a list to answer. */
    public record Page(int number, int size) {
    }
}
