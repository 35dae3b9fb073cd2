package org.frontdoor.kit.consumer;

/**
 * A service's projection of incoming events. It runs inside the consumer's database transaction, after
 * the event id was recorded as new, so it sees each event once; throwing {@link InvalidEventException}
 * sends the record to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);

    /**
     * Applies a polled batch's new events, in their order, in one transaction. The default applies them
     * one by one; a projection may override it to write set-based (one statement per event type). If the
     * batch fails, the consumer calls this again with one event at a time to find the record to
     * dead-letter, so an override must give the same result for any split of the batch.
     */
    default void handleAll(java.util.List<IncomingEvent> events) {
        for (IncomingEvent event : events) {
            handle(event);
        }
    }
}
