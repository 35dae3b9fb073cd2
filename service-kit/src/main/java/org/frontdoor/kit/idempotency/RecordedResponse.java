package org.frontdoor.kit.idempotency;

/**
 * The first answer to a request with an Idempotency-Key, kept so that a retry gets exactly that answer.
 *
 * @param body     the JSON body, or null when there was none
 * @param location the {@code Location} header, or null
 */
public record RecordedResponse(int status, String body, String location) {
}
