package org.frontdoor.allocation.service;

/**
 * Fired (synchronously, on the alert evaluation thread) after the queue, caseloads or alerts may have changed and
 * the alerts have been brought up to date: the live board pushes a fresh state to its watchers.
 */
public enum BoardChanged {
    INSTANCE
}
