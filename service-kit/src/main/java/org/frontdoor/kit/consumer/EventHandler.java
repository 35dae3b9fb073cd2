package org.frontdoor.kit.consumer;

/**
 * A service's projection of incoming events. It runs inside the consumer's database transaction, after
 * the event id was recorded as new, so it sees each event once; throwing {@link InvalidEventException}
 * sends the record to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);
}
