package org.frontdoor.kit.consumer;

import java.util.List;

/**
 * A service's projection of incoming events. It runs inside the consumer's database transaction, after
 * the event id was recorded as new, so it sees each event once; throwing {@link InvalidEventException}
 * sends the record to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);

    /**
     * A whole poll's new events at once, in the order they were polled (per partition, the topic's order), so that
     * a projection can look up and write set-based — one statement per kind of change rather than one per event.
     * When the batch fails for a reason other than the database's, the consumer applies its events one at a time
     * (this with a list of one) to dead-letter the culprit, so a batch must give what its events one by one give.
     * By default, {@link #handle} for each.
     */
    default void handleAll(List<IncomingEvent> events) {
        events.forEach(this::handle);
    }
}
