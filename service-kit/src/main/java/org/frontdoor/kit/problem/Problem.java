package org.frontdoor.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem: what every client mistake and every failure looks like on the wire, so that
 * a caller can tell exactly which field to fix and never sees a stack trace.
 *
 * @param violations for validation problems, one entry per bad field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: its JSON path in the request (e.g. {@code child.birthMonth}) and what is wrong. */
    public record Violation(String field, String message) {
    }
}
