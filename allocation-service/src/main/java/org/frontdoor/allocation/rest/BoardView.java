package org.frontdoor.allocation.rest;

import java.time.Instant;
import java.util.List;

/**
 * Everything the duty board shows for a team (or every team when {@code team} is null), as one Server-Sent Event:
 * the queue longest waiting first, the workers with their caseloads, and the active alerts. Each push is the whole
 * state, so a client that missed one, or reconnects, is right again with the next.
 *
 * @param sequence grows with every state pushed on this instance; a client can ignore an older one
 */
public record BoardView(String team, long sequence, Instant generatedAt, List<QueueResource.QueueItem> queue,
        List<WorkerView> workers, List<AlertView> alerts) {
}
