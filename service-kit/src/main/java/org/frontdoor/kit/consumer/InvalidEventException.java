package org.frontdoor.kit.consumer;

/**
 * Says a record can never be applied (malformed envelope, missing or impossible data), so retrying is
 * pointless and it belongs on the dead-letter topic. The message must hold no personal data.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
