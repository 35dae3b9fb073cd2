package org.frontdoor.kit.idempotency;

/**
 * Thrown when a client sends a key it already used for a different request: a 422, because replaying the
 * first answer would hide that the second request was never carried out.
 */
public class IdempotencyKeyReusedProblem extends RuntimeException {

    public IdempotencyKeyReusedProblem(String key) {
        super(Idempotent.HEADER + " " + key + " was used for a different request; send a new key for a new request");
    }
}
